import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the three folders the runner works with are.
///
/// - `home`: the Backendlings checkout (it holds `Sources/BackendKit`). The workspace package depends
///   on it by path and graders are built against it, so it must be found even when the runner is
///   started from elsewhere.
/// - `packRoot`: the folder holding `Lessons/pack.json` (the home itself unless another pack is chosen).
/// - `workspace`: the learner's package; it may not exist yet.
public struct Locations: Sendable, Equatable {
    public var home: URL
    public var packRoot: URL
    public var workspace: URL

    public init(home: URL, packRoot: URL, workspace: URL) {
        self.home = home
        self.packRoot = packRoot
        self.workspace = workspace
    }

    /// Resolves all three: `packOption`/`workspaceOption` are the `--pack`/`--workspace` values
    /// (relative paths are taken from `currentDirectory`); environment variables come next, then the
    /// defaults described on `findHome`, `findPack` and `findWorkspace`.
    public static func resolve(
        packOption: String? = nil, workspaceOption: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory
    ) throws(LocationError) -> Locations {
        let home = try findHome(environment: environment, currentDirectory: currentDirectory)
        let pack = try findPack(
            option: packOption, environment: environment, currentDirectory: currentDirectory, home: home)
        let workspace = try findWorkspace(
            option: workspaceOption, environment: environment, currentDirectory: currentDirectory,
            packRoot: pack)
        return Locations(home: home, packRoot: pack, workspace: workspace)
    }

    /// `BACKENDLINGS_HOME` when set (it must be a checkout); else the nearest checkout above the
    /// running executable's real path (a `swift run` binary lives in `<home>/.build/...`); else the
    /// nearest checkout above this source file, for tools run from an unusual build folder.
    public static func findHome(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory,
        executablePath: String? = runningExecutablePath(),
        sourceFile: String? = nil
    ) throws(LocationError) -> URL {
        if let value = nonEmpty(environment["BACKENDLINGS_HOME"]) {
            let url = absolute(value, from: currentDirectory, environment: environment)
            guard isHome(url) else { throw .badHomeVariable(path: url.path) }
            return url
        }
        for start in [executablePath, sourceFile ?? #filePath].compactMap({ $0 }) {
            if let home = ancestor(of: URL(fileURLWithPath: start), where: isHome) { return home }
        }
        throw .noHome
    }

    /// `option`, else `BACKENDLINGS_PACK`, else the home. The folder must hold `Lessons/pack.json`.
    public static func findPack(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory, home: URL
    ) throws(LocationError) -> URL {
        let chosen = nonEmpty(option) ?? nonEmpty(environment["BACKENDLINGS_PACK"])
        let root = chosen.map { absolute($0, from: currentDirectory, environment: environment) } ?? home
        guard FileSystem.isFile(root.appendingPathComponent("Lessons/pack.json")) else {
            throw .noPack(path: root.path)
        }
        return root
    }

    /// `option`, else `BACKENDLINGS_WORKSPACE`, else the nearest folder at or above
    /// `currentDirectory` holding `.backendlings/progress.json` (so commands work from inside an
    /// exercise folder), else `<packRoot>/workspace`.
    public static func findWorkspace(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory, packRoot: URL
    ) throws(LocationError) -> URL {
        let workspace: URL
        if let chosen = nonEmpty(option) ?? nonEmpty(environment["BACKENDLINGS_WORKSPACE"]) {
            workspace = absolute(chosen, from: currentDirectory, environment: environment)
        } else if let found = ancestor(of: currentDirectory, where: isWorkspace) {
            workspace = found
        } else {
            workspace = packRoot.appendingPathComponent(Workspace.defaultFolderName, isDirectory: true)
        }
        if FileSystem.exists(workspace), !FileSystem.isDirectory(workspace) {
            throw .workspaceIsAFile(path: workspace.path)
        }
        return workspace
    }

    /// True for a Backendlings checkout: `Package.swift` beside `Sources/BackendKit/`.
    public static func isHome(_ url: URL) -> Bool {
        FileSystem.isFile(url.appendingPathComponent("Package.swift"))
            && FileSystem.isDirectory(url.appendingPathComponent("Sources/BackendKit"))
    }

    /// True for a folder a workspace has been created in (it has `.backendlings/progress.json`).
    public static func isWorkspace(_ url: URL) -> Bool {
        FileSystem.isFile(url.appendingPathComponent(".backendlings/progress.json"))
    }

    /// The real path of the running executable, symbolic links resolved.
    public static func runningExecutablePath() -> String? {
        #if os(Linux)
            var buffer = [Int8](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
            return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        #endif
    }

    /// `start` or its nearest ancestor for which `test` holds.
    private static func ancestor(of start: URL, where test: (URL) -> Bool) -> URL? {
        var path = FileSystem.canonicalPath(start)
        while true {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            if test(folder) { return folder }
            let parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == path { return nil }
            path = parent
        }
    }

    /// An absolute, canonical form of a path typed by a person: relative to `base`, and with a
    /// leading `~/` expanded to `$HOME` as a shell would (environment files are not expanded by a
    /// shell); the account's home folder only when `HOME` is unset.
    private static func absolute(_ path: String, from base: URL, environment: [String: String]) -> URL {
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            expanded = (nonEmpty(environment["HOME"]) ?? NSHomeDirectory()) + path.dropFirst()
        }
        let url =
            expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : base.appendingPathComponent(expanded)
        return URL(fileURLWithPath: FileSystem.canonicalPath(url), isDirectory: true)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
