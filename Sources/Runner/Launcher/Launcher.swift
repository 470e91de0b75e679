import Foundation
import Grader

/// The `backendlings` command in the learner's own shell: a small script in a folder on `PATH`
/// (`~/.local/bin` or `~/bin`) that runs this checkout's backendlings, so `backendlings check` works
/// in any new terminal, without sudo and without a network.
///
/// The script runs the built launcher (`Sources/launch`), which rebuilds the tool when any of its
/// sources changed, and `swift run` when the launcher itself is missing or older than its own
/// sources, so a `git pull` never leaves the learner on an old build.
/// It carries a marker line naming the checkout. A file without that marker is never touched; a
/// launcher of ours is replaced only when the checkout it names is gone.
public struct Launcher: Sendable, Equatable {
    /// Where the launcher goes, and whether that folder is on `PATH` already.
    public var file: URL
    public var folderIsOnPath: Bool
    /// The line the learner adds to their shell's start-up file when the folder is not on `PATH`,
    /// and that file (`~/.bashrc`, `~/.zshrc`, …); nil when nothing needs adding.
    public var pathLine: String?
    public var startupFile: String?
    /// The checkout the launcher runs.
    public var home: URL

    /// What is at `file` now.
    public enum State: Sendable, Equatable {
        /// Nothing yet.
        case missing
        /// Our launcher for this checkout.
        case installed
        /// Our launcher for another checkout that still exists: left alone.
        case otherCheckout(String)
        /// Our launcher for a checkout that is gone: safe to replace.
        case stale
        /// A file we did not write: never overwritten.
        case foreign
    }

    /// The first line after `#!/bin/sh`; how a launcher is recognised.
    static let marker = "# Written by backendlings: the backendlings command for the checkout at "

    /// Chooses the folder: the first of `~/.local/bin` and `~/bin` that is on `PATH`, else
    /// `~/.local/bin` with the line to add. Nil when there is no home folder.
    public static func plan(home: URL, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Launcher?
    {
        guard let userHome = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        let path = pathEntries(environment)
        let candidates = [userHome + "/.local/bin", userHome + "/bin"]
        let home = URL(fileURLWithPath: FileSystem.canonicalPath(home), isDirectory: true)
        if let folder = candidates.first(where: { candidate in
            path.contains {
                FileSystem.canonicalPath(URL(fileURLWithPath: $0)) == candidate || $0 == candidate
            }
        }) {
            return Launcher(
                file: URL(fileURLWithPath: folder + "/" + CommandNaming.commandName), folderIsOnPath: true,
                pathLine: nil, startupFile: nil, home: home)
        }
        let shell = URL(fileURLWithPath: environment["SHELL"] ?? "/bin/sh").lastPathComponent
        let (line, startup): (String, String) =
            switch shell {
            case "zsh": ("export PATH=\"$HOME/.local/bin:$PATH\"", "~/.zshrc")
            case "fish": ("fish_add_path ~/.local/bin", "~/.config/fish/config.fish")
            case "bash": ("export PATH=\"$HOME/.local/bin:$PATH\"", "~/.bashrc")
            default: ("export PATH=\"$HOME/.local/bin:$PATH\"", "~/.profile")
            }
        return Launcher(
            file: URL(fileURLWithPath: candidates[0] + "/" + CommandNaming.commandName),
            folderIsOnPath: false,
            pathLine: line, startupFile: startup, home: home)
    }

    public var state: State {
        guard FileSystem.exists(file) else { return .missing }
        guard let owner = Self.checkout(namedIn: file) else { return .foreign }
        if owner == FileSystem.canonicalPath(home) { return .installed }
        return Locations.isHome(URL(fileURLWithPath: owner)) ? .otherCheckout(owner) : .stale
    }

    /// Writes the launcher (mode 0755) unless `state` forbids it; returns the state found before.
    @discardableResult
    public func install() throws(FileSystemError) -> State {
        let found = state
        switch found {
        case .missing, .stale, .installed:
            try FileSystem.createDirectory(file.deletingLastPathComponent())
            try FileSystem.writeAtomically(script, to: file, mode: 0o755)
        case .otherCheckout, .foreign:
            break
        }
        return found
    }

    /// The script's text.
    public var script: String {
        let root = ShellQuoting.quotedIfNeeded(FileSystem.canonicalPath(home))
        return """
            #!/bin/sh
            \(Self.marker)\(FileSystem.canonicalPath(home))
            # Delete this file to remove the command. It runs the built backendlings launcher, which
            # rebuilds the tool when its sources changed, and `swift run` when the launcher itself is
            # missing or older than its own sources.
            home=\(root)
            bin="$home/.build/debug/backendlings"
            if [ -x "$bin" ] && [ -z "$(find "$home/Sources/launch" "$home/Package.swift" -newer "$bin" 2>/dev/null | head -n 1)" ]; then
                exec "$bin" "$@"
            fi
            exec swift run --package-path "$home" --quiet backendlings "$@"

            """
    }

    // MARK: Finding launchers

    /// The `backendlings` the shell would run: the first executable file of that name on `PATH`.
    static func firstOnPath(environment: [String: String]) -> URL? {
        for folder in pathEntries(environment) {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(CommandNaming.commandName)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// True when `file` runs the checkout at `home`: our launcher naming it, or the checkout's own
    /// binary (a symbolic link into its `.build`).
    static func runs(home: URL, file: URL) -> Bool {
        let homePath = FileSystem.canonicalPath(home)
        if let owner = checkout(namedIn: file) { return owner == homePath }
        return FileSystem.canonicalPath(file).hasPrefix(homePath + "/.build/")
    }

    /// The checkout a launcher of ours names, or nil when `file` is not one (read at most 4 KiB).
    static func checkout(namedIn file: URL) -> String? {
        guard let data = try? FileSystem.readFile(file, limit: 4096) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").dropFirst().first, line.hasPrefix(marker) else {
            return nil
        }
        return String(line.dropFirst(marker.count))
    }

    private static func pathEntries(_ environment: [String: String]) -> [String] {
        (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
    }
}
