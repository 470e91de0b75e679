import Foundation

/// Reads and changes `<workspace>/.backendlings/progress.json` safely.
///
/// Every operation is a read-modify-write under an exclusive `flock` on `progress.lock`, and every
/// write is temp file + fsync + rename, so a watch session and a `check` in another terminal never
/// lose each other's updates and a crash never leaves half a file. A file that cannot be read is
/// never silently replaced: it is moved aside and the caller gets a `ProgressNotice` naming where.
public struct ProgressStore: Sendable {
    /// `.backendlings/progress.json`.
    public var file: URL
    /// The exercise a fresh record starts on (the pack's first).
    public var firstExercise: String
    /// Paths in notices are shown relative to this folder when inside it.
    public var currentDirectory: URL

    public init(file: URL, firstExercise: String, currentDirectory: URL = FileSystem.currentDirectory) {
        self.file = file
        self.firstExercise = firstExercise
        self.currentDirectory = currentDirectory
    }

    /// The lock every reader and writer takes; it lives beside the progress file and is never removed.
    public var lockFile: URL { file.deletingLastPathComponent().appendingPathComponent("progress.lock") }

    /// The current record (a fresh, unsaved one when there is no file yet). Creates nothing on disk
    /// when the workspace's `.backendlings/` folder does not exist.
    public func load(now: Date = Date()) throws(ProgressError) -> ProgressResult<LearnerProgress> {
        guard FileSystem.isDirectory(file.deletingLastPathComponent()) else {
            return ProgressResult(value: LearnerProgress(startedAt: now, current: firstExercise), notice: nil)
        }
        return try locked(now: now) {
            (progress: inout LearnerProgress) throws(ProgressError) -> LearnerProgress in progress
        }
    }

    /// Runs `body` on the current record and saves the result, all under the lock. The file is
    /// written only when `body` changed the record; when `body` throws, nothing is written.
    public func update<Value: Sendable>(
        now: Date = Date(), _ body: (inout LearnerProgress) throws(ProgressError) -> Value
    ) throws(ProgressError) -> ProgressResult<Value> {
        try locked(now: now, body)
    }

    /// Writes a fresh record when there is no file; true when it did. The workspace calls this on
    /// creation so that the folder can be recognised as a workspace from then on.
    func createIfMissing(now: Date = Date()) throws(ProgressError) -> Bool {
        try withLock { () throws(ProgressError) -> Bool in
            guard !FileSystem.exists(file) else { return false }
            try save(LearnerProgress(startedAt: now, current: firstExercise))
            return true
        }
    }

    private func locked<Value: Sendable>(
        now: Date, _ body: (inout LearnerProgress) throws(ProgressError) -> Value
    ) throws(ProgressError) -> ProgressResult<Value> {
        try withLock { () throws(ProgressError) -> ProgressResult<Value> in
            var (progress, notice, stored) = try read(now: now)
            let before = progress
            let value = try body(&progress)
            if progress != before || (notice != nil && !stored) { try save(progress) }
            return ProgressResult(value: value, notice: notice)
        }
    }

    /// Reads the file: the record, a notice when it had to be moved aside, and whether the returned
    /// record is what is on disk.
    private func read(now: Date) throws(ProgressError) -> (LearnerProgress, ProgressNotice?, Bool) {
        let fresh = LearnerProgress(startedAt: now, current: firstExercise)
        guard FileSystem.exists(file) else { return (fresh, nil, false) }
        let reason: String
        do {
            let data = try FileSystem.readFile(file)
            switch ProgressCoding.decode(data) {
            case .success(let progress): return (progress, nil, true)
            case .newer(let version):
                throw ProgressError.newerFormat(
                    path: FileSystem.displayPath(file, from: currentDirectory), found: version,
                    supported: LearnerProgress.currentFormatVersion)
            case .corrupt(let why): reason = why
            }
        } catch let error as ProgressError {
            throw error
        } catch {
            reason = "\(error)"
        }
        let moved = try moveAside(now: now)
        // Whichever command found the unreadable file, the next watch session re-checks every exercise.
        _ = FileManager.default.createFile(atPath: rebuildMarker.path, contents: Data())
        let notice = ProgressNotice(
            movedTo: moved, displayPath: FileSystem.displayPath(moved, from: currentDirectory), reason: reason
        )
        return (fresh, notice, false)
    }

    /// Beside the progress file: present while progress must be rebuilt by re-checking every
    /// exercise (see `ProgressRebuild`), after an unreadable file was moved aside.
    public var rebuildMarker: URL {
        file.deletingLastPathComponent().appendingPathComponent(Self.rebuildMarkerName)
    }

    static let rebuildMarkerName = "rebuild-progress"

    private func moveAside(now: Date) throws(ProgressError) -> URL {
        let target = FileSystem.unusedName(
            "\(file.lastPathComponent).corrupt-\(FileSystem.fileNameTimestamp(now))",
            in: file.deletingLastPathComponent())
        do {
            try FileSystem.move(file, to: target)
        } catch {
            throw .fileSystem(error)
        }
        return target
    }

    private func save(_ progress: LearnerProgress) throws(ProgressError) {
        removeOrphanedTempFiles()
        do {
            try FileSystem.writeAtomically(ProgressCoding.encode(progress), to: file)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Removes the temp files of writes that never reached their rename (the writer was killed).
    /// Called with the lock held: every writer holds it, so any temp file of ours is an orphan.
    private func removeOrphanedTempFiles() {
        let folder = file.deletingLastPathComponent()
        let prefix = FileSystem.atomicWriteTempPrefix(for: file)
        for name in (try? FileSystem.contentsOfDirectory(folder)) ?? [] where name.hasPrefix(prefix) {
            try? FileSystem.remove(folder.appendingPathComponent(name))
        }
    }

    private func withLock<Value>(_ body: () throws(ProgressError) -> Value) throws(ProgressError) -> Value {
        do {
            try FileSystem.createDirectory(file.deletingLastPathComponent())
            return try FileSystem.withExclusiveLock(lockFile) { () throws -> Value in try body() }
        } catch let error as ProgressError {
            throw error
        } catch let error as FileSystemError {
            throw .fileSystem(error)
        } catch {
            throw .fileSystem(
                FileSystemError(operation: "update", path: file.path, code: 0, detail: "\(error)"))
        }
    }
}
