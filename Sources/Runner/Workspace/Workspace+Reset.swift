import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Workspace {
    /// Puts the starter of `exercise` back, after saving the learner's folder.
    ///
    /// Every file of the current folder is copied (and flushed to disk) into
    /// `.backendlings/backups/<id>-<UTC yyyyMMdd-HHmmss>/` (`-2`, `-3` when taken); the copy is
    /// compared with the original (same files, same sizes) and only then is the folder replaced,
    /// by renaming a fully copied starter into place. If anything fails before that rename the
    /// learner's folder is left where it was. A missing folder is simply restored, with no backup.
    public func reset(_ exercise: Exercise, now: Date = Date()) throws(WorkspaceError) -> ResetResult {
        let target = folder(of: exercise)
        var backup: URL?
        if FileSystem.exists(target) {
            backup = try saveBackup(of: exercise, from: target, now: now)
        }
        do {
            try replaceWithStarter(exercise, at: target, backup: backup)
        } catch {
            throw .fileSystem(error)
        }
        return ResetResult(backup: backup, backupDisplayPath: backup.map(displayPath))
    }

    /// Copies the learner's folder into a new backup folder and proves the copy is complete.
    private func saveBackup(of exercise: Exercise, from target: URL, now: Date) throws(WorkspaceError) -> URL
    {
        let backup: URL
        do throws(FileSystemError) {
            backup = try FileSystem.createUniqueDirectory(
                "\(exercise.id)-\(FileSystem.fileNameTimestamp(now))", in: backupsFolder)
            if FileSystem.kind(of: target) != .directory {
                // A stray file or link with the exercise's name: keep it, as it is, in the backup.
                try FileSystem.move(target, to: backup.appendingPathComponent(target.lastPathComponent))
                return backup
            }
            try FileSystem.copyTree(from: target, to: backup, flush: true)
            FileSystem.syncDirectory(backupsFolder.path)
            if try FileSystem.treeListing(target) == FileSystem.treeListing(backup) { return backup }
        } catch {
            throw .fileSystem(error)
        }
        throw .backupMismatch(id: exercise.id, backup: displayPath(backup))
    }

    /// Swaps the folder at `target` (if any) for a fresh copy of the starter. The old folder is moved
    /// aside first and put back if the copy fails, so the learner never ends up with neither. It is
    /// deleted only when it still matches `backup`; a file saved in the instant between the backup and
    /// the swap keeps the whole old folder, as `<backup>-latest`.
    private func replaceWithStarter(_ exercise: Exercise, at target: URL, backup: URL?)
        throws(FileSystemError)
    {
        try FileSystem.createDirectory(stagingFolder)
        let old = FileSystem.unusedName("replaced-\(exercise.id)-\(getpid())", in: stagingFolder)
        if FileSystem.exists(target) { try FileSystem.move(target, to: old) }
        do throws(FileSystemError) {
            guard try copyStarter(of: exercise, to: target) else {
                throw FileSystemError(
                    operation: "restore the starter into", path: target.path, code: 0,
                    detail: "another program created that folder meanwhile")
            }
        } catch {
            if FileSystem.exists(old), !FileSystem.exists(target) { try? FileSystem.move(old, to: target) }
            throw error
        }
        if FileSystem.exists(old) {
            if let backup, try FileSystem.treeListing(old) != FileSystem.treeListing(backup) {
                try FileSystem.move(
                    old, to: FileSystem.unusedName("\(backup.lastPathComponent)-latest", in: backupsFolder))
            } else {
                try FileSystem.remove(old)
            }
        }
        rmdir(stagingFolder.path)
    }
}
