import Foundation
import Grader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds learners' exercises for `dev grade` so that each distinct source is compiled once per
/// batch, in one staging workspace whose BackendKit is compiled once, instead of in every
/// learner's workspace (where BackendKit alone costs tens of seconds per learner).
///
/// A learner's exercise folder is copied into the staging workspace, built there, and the binary
/// is kept under a key made of the exercise and its files' relative paths and bytes, so 30 copies
/// of the same starter or solution are built once, in this run and in the next. Nothing of the
/// learner's runs while it builds (the generated manifest has no plugins or macros), and builds run
/// one at a time, so no learner's code can see another's while it compiles.
final class SharedBuilds: @unchecked Sendable {
    // @unchecked Sendable: `failures` is guarded by `lock`; everything else is set once in init.
    private let staging: Workspace
    private let cache: URL
    private let lockFile: URL
    private let lock = NSLock()
    /// Compile errors by key, for this run only: the next run compiles them again (cheap, and a
    /// toolchain update may change the words).
    private var failures: [String: String] = [:]
    private let library: String

    /// `folder` holds the staging workspace, the binaries and the lock (under the checkout's
    /// `.build/`, so a rerun finds its builds).
    init(pack: Pack, home: URL, folder: URL) throws {
        try FileSystem.createDirectory(folder)
        let root = folder.appendingPathComponent("workspace", isDirectory: true)
        staging = Workspace(root: root, pack: pack, home: home, currentDirectory: root)
        cache = folder.appendingPathComponent("binaries", isDirectory: true)
        lockFile = folder.appendingPathComponent(".lock")
        var library = Fingerprint()
        library.addTreeMetadata(home.appendingPathComponent("Sources/BackendKit"))
        self.library = library.description
        try FileSystem.withExclusiveLock(lockFile) { _ = try staging.sync() }
    }

    /// `<home>/.build/backendlings/batch/<pack key>/`: one staging area per pack location.
    static func folder(pack: Pack, home: URL) -> URL {
        var key = Fingerprint()
        key.add(FileSystem.canonicalPath(pack.root))
        return home.appendingPathComponent(".build/backendlings/batch/\(key)", isDirectory: true)
    }

    /// The outcome of building `exercise` as `workspace` has it. Compiler messages name files
    /// relative to the workspace (`./01-databases/01-schema/Schema.swift:3:7: error: …`).
    func build(_ exercise: Exercise, of workspace: Workspace) throws(BuildError) -> ExerciseBuilder.Outcome {
        let source = workspace.folder(of: exercise)
        let key = self.key(of: exercise, source: source)
        let binary = cache.appendingPathComponent("\(key)/\(exercise.id)")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return .built(binary: binary) }
        if let diagnostics = lock.withLock({ failures[key] }) { return .failed(diagnostics: diagnostics) }
        let outcome: ExerciseBuilder.Outcome
        do {
            outcome = try FileSystem.withExclusiveLock(lockFile) {
                try buildLocked(exercise, source: source, binary: binary)
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .packageGeneration("Could not prepare the shared build of \(exercise.id): \(error)")
        }
        if case .failed(let diagnostics) = outcome { lock.withLock { failures[key] = diagnostics } }
        return outcome
    }

    private func buildLocked(_ exercise: Exercise, source: URL, binary: URL) throws -> ExerciseBuilder.Outcome
    {
        let target = staging.folder(of: exercise)
        try FileSystem.remove(target)
        // Copied in a moment after the previous learner's, a file can keep the timestamp the compiler
        // driver compares; the builder compares contents (`SourceRecord`), so it compiles every
        // file that differs, and only those (one file alone when only one differs).
        try FileSystem.copyTree(from: source, to: target)
        let outcome = try ExerciseBuilder(workspace: staging).build(exercise)
        guard case .built(let built) = outcome else { return outcome }
        let folder = binary.deletingLastPathComponent()
        try FileSystem.createDirectory(folder)
        let temporary = folder.appendingPathComponent(".\(exercise.id).partial")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.copyItem(at: built, to: temporary)
        chmod(temporary.path, 0o555)  // shared by every learner with this source: nobody writes it
        try? FileManager.default.removeItem(at: binary)
        try FileManager.default.moveItem(at: temporary, to: binary)
        return .built(binary: binary)
    }

    /// Changed when a build here could have kept a wrong binary, so old ones are never used again.
    static let keyVersion = "shared-builds-2"

    /// The exercise, its files by path relative to the exercise folder and content, and
    /// BackendKit's sources: equal keys build to equal binaries.
    private func key(of exercise: Exercise, source: URL) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(Self.keyVersion)
        fingerprint.add(exercise.id)
        fingerprint.add([0])
        fingerprint.add(library)
        let base = source.resolvingSymlinksInPath().path + "/"
        for file in Fingerprint.files(below: source) {
            fingerprint.add([0])
            fingerprint.add(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)
            fingerprint.add([0])
            if let data = try? Data(contentsOf: file) { fingerprint.add(data) }
        }
        return fingerprint.description
    }
}
