import Foundation

/// Where the launcher and the tool it starts live: the tool is built beside the launcher, in the
/// same build folder and configuration (`<scratch>/<triple>/<debug|release>/`).
struct LaunchPaths {
    /// The checkout: the nearest folder above the launcher holding `Package.swift` and `Sources/`.
    var home: URL
    /// The build folder SwiftPM was given (`<home>/.build` unless `--scratch-path` said otherwise).
    var scratch: URL
    /// `debug` or `release`.
    var configuration: String
    /// `backendlings-cli`, beside the launcher.
    var tool: URL

    /// The product name of the real command line.
    static let toolProduct = "backendlings-cli"

    static func current() -> LaunchPaths? {
        guard let executable = runningExecutable() else { return nil }
        return LaunchPaths(executable: executable)
    }

    init?(executable: URL) {
        let folder = executable.deletingLastPathComponent()
        var candidate = folder
        var found: URL?
        while candidate.path != "/" {
            candidate = candidate.deletingLastPathComponent()
            if Self.isCheckout(candidate) {
                found = candidate
                break
            }
        }
        guard let home = found else { return nil }
        self.home = home
        configuration = folder.lastPathComponent == "release" ? "release" : "debug"
        scratch = folder.deletingLastPathComponent().deletingLastPathComponent()
        tool = folder.appendingPathComponent(Self.toolProduct)
    }

    static func isCheckout(_ folder: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
            && manager.fileExists(atPath: folder.appendingPathComponent("Sources/BackendKit").path)
    }

    /// The real path of the running executable (symbolic links resolved), from `/proc/self/exe`
    /// on Linux and `_NSGetExecutablePath` on macOS.
    static func runningExecutable() -> URL? {
        #if os(Linux)
            guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            else { return nil }
            return URL(fileURLWithPath: path)
        #else
            var size = UInt32(PATH_MAX)
            var buffer = [CChar](repeating: 0, count: Int(size))
            guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
            return URL(fileURLWithPath: String(cString: buffer)).resolvingSymlinksInPath()
        #endif
    }
}
