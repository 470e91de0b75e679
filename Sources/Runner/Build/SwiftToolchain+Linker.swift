import Foundation

extension SwiftToolchain {
    /// `-use-ld=lld` when the toolchain ships lld next to its `swift` (Linux toolchains do): it
    /// links a Swift executable in about 70 % of gold's time, and the dev check links hundreds.
    /// Only for packages the runner alone builds (the dev check's), never the checkout's own
    /// `.build`, which `swift build` would then compile again without it.
    public func withFastLinker() -> SwiftToolchain {
        #if os(Linux)
            guard let driver = Self.resolve(swift),
                FileManager.default.isExecutableFile(
                    atPath: driver.deletingLastPathComponent().appendingPathComponent("ld.lld").path)
            else { return self }
            var fast = self
            fast.buildArguments = ["-Xswiftc", "-use-ld=lld"]
            return fast
        #else
            return self
        #endif
    }

    /// The driver's real location: a path as given, or the first match on `PATH`, links followed.
    private static func resolve(_ command: String) -> URL? {
        if command.contains("/") { return URL(fileURLWithPath: command).resolvingSymlinksInPath() }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(command)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.resolvingSymlinksInPath()
            }
        }
        return nil
    }
}
