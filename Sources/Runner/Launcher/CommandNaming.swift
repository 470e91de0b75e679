import Foundation
import Grader

/// How a learner types a Backendlings command in the shell they are in: `backendlings check` once a
/// launcher for this checkout is on `PATH`, otherwise `swift run backendlings check` (from the
/// checkout) or `swift run --package-path <checkout> backendlings check` (from anywhere else).
///
/// Every message that names a command builds it here, so what the learner reads is what works when
/// typed. The form is decided once per process from `PATH`, the current folder and the checkout.
public struct CommandNaming: Sendable, Equatable {
    /// What comes before a subcommand: `backendlings`, `swift run backendlings`, …
    public var prefix: String

    public init(prefix: String) {
        self.prefix = prefix
    }

    /// The command line for `arguments` (for example `"check db02"`); the bare command when empty.
    public func command(_ arguments: String = "") -> String {
        arguments.isEmpty ? prefix : prefix + " " + arguments
    }

    /// True when `backendlings` alone works in this shell.
    public var isOnPath: Bool { prefix == Self.commandName }

    /// The name of the command and of the launcher file.
    public static let commandName = "backendlings"

    /// The form for this process: from its environment, its current folder and the checkout it
    /// runs from (falling back to the bare name when no checkout can be found).
    public static let current: CommandNaming = {
        guard let home = try? Locations.findHome() else { return CommandNaming(prefix: commandName) }
        return detect(home: home)
    }()

    /// Decides the form: the bare name when the first `backendlings` on `PATH` runs this checkout,
    /// else `swift run`, with `--package-path` unless the current folder is the checkout.
    public static func detect(
        home: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory
    ) -> CommandNaming {
        if let found = Launcher.firstOnPath(environment: environment),
            Launcher.runs(home: home, file: found)
        {
            return CommandNaming(prefix: commandName)
        }
        let homePath = FileSystem.canonicalPath(home)
        let here = FileSystem.canonicalPath(currentDirectory)
        if here == homePath { return CommandNaming(prefix: "swift run \(commandName)") }
        let shown: String
        if let inside = FileSystem.relativePath(of: currentDirectory, inside: home), inside != "." {
            shown = Array(repeating: "..", count: inside.split(separator: "/").count).joined(separator: "/")
        } else {
            shown = ShellQuoting.quotedIfNeeded(homePath)
        }
        return CommandNaming(prefix: "swift run --package-path \(shown) \(commandName)")
    }
}
