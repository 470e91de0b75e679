import Foundation

/// The learner's workspace: a SwiftPM package with one executable target per exercise, holding a
/// copy of each starter that the learner edits, plus `.backendlings/` (progress and backups).
///
/// Nothing here ever overwrites or deletes a file the learner wrote: `sync` only adds missing
/// exercise folders and regenerates `Package.swift`, and `reset` saves a verified backup before it
/// replaces a folder.
public struct Workspace: Sendable {
    /// The workspace folder (canonical: absolute, symbolic links resolved).
    public var root: URL
    public var pack: Pack
    /// The Backendlings checkout the generated `Package.swift` depends on.
    public var home: URL
    /// Paths in messages are shown relative to this folder when inside it.
    public var currentDirectory: URL

    public init(root: URL, pack: Pack, home: URL, currentDirectory: URL = FileSystem.currentDirectory) {
        self.root = URL(fileURLWithPath: FileSystem.canonicalPath(root), isDirectory: true)
        self.pack = pack
        self.home = URL(fileURLWithPath: FileSystem.canonicalPath(home), isDirectory: true)
        self.currentDirectory = currentDirectory
    }

    /// `.backendlings/`: the runner's own state. Never holds learner code except inside `backups/`.
    public var stateFolder: URL { root.appendingPathComponent(".backendlings", isDirectory: true) }
    /// `.backendlings/backups/`: one folder per reset.
    public var backupsFolder: URL { stateFolder.appendingPathComponent("backups", isDirectory: true) }
    /// Where the grader writes a replay script for each failed check of an exercise (`check-08.sh`).
    public func replayFolder(for exercise: Exercise) -> URL {
        stateFolder.appendingPathComponent("repro/\(exercise.id)", isDirectory: true)
    }
    public var packageManifest: URL { root.appendingPathComponent("Package.swift") }
    public var readme: URL { root.appendingPathComponent("README.md") }
    public var progressFile: URL { stateFolder.appendingPathComponent("progress.json") }
    /// A copy of the last `Package.swift` the runner wrote, to tell whether the learner edited it.
    var generatedManifestRecord: URL { stateFolder.appendingPathComponent("Package.swift.generated") }
    /// Scratch space on the workspace's file system, so finished copies can be renamed into place.
    var stagingFolder: URL { stateFolder.appendingPathComponent("staging", isDirectory: true) }

    /// The store for this workspace's progress; a fresh record starts on the pack's first exercise.
    public var progressStore: ProgressStore {
        ProgressStore(
            file: progressFile, firstExercise: pack.exercises.first?.id ?? "",
            currentDirectory: currentDirectory)
    }

    /// `<workspace>/<module path>/<exercise path>/`, the learner's copy of an exercise.
    public func folder(of exercise: Exercise) -> URL {
        root.appendingPathComponent(exercise.relativePath, isDirectory: true)
    }

    /// True when the exercise's folder is in the workspace.
    public func contains(_ exercise: Exercise) -> Bool {
        FileSystem.isDirectory(folder(of: exercise))
    }

    /// Where SwiftPM builds the workspace's exercises.
    ///
    /// The learner's own workspace of the built-in pack (`<home>/workspace`) builds in the
    /// checkout's `.build`, beside the `backendlings` command and the graders, so BackendKit is
    /// compiled once for all three instead of once more for the workspace (about 8 s of a fresh
    /// clone's first verdict on a 2-core machine). Every other workspace keeps `<root>/.build`:
    /// two workspaces with the same exercise ids must never build into one folder, or one would
    /// overwrite the other's binaries.
    public var buildFolder: URL {
        sharesCheckoutBuild
            ? home.appendingPathComponent(".build", isDirectory: true)
            : root.appendingPathComponent(".build", isDirectory: true)
    }

    /// True for the default workspace of the built-in pack: see ``buildFolder``. `root` and `home`
    /// are canonical already (see `init`), so the paths compare as they are.
    public var sharesCheckoutBuild: Bool {
        root.path == home.appendingPathComponent(Self.defaultFolderName).path && pack.isBuiltIn(home: home)
    }

    /// The workspace's folder name in the checkout when none is chosen.
    public static let defaultFolderName = "workspace"

    /// How to show `url` in a message: relative to the current directory when inside it.
    public func displayPath(_ url: URL) -> String {
        FileSystem.displayPath(url, from: currentDirectory)
    }
}
