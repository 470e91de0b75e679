import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Workspace {
    /// Creates the workspace, or brings an existing one up to date with the pack: copies the starter
    /// of every exercise whose folder is missing, regenerates `Package.swift` when its content would
    /// change, and writes `README.md` and the progress file when they are missing.
    ///
    /// An existing exercise folder is never touched. A starter is copied into a staging folder and
    /// renamed into place, so an interrupted sync never leaves a half-copied exercise behind. Refuses
    /// to write into the checkout itself or into a folder that holds something else.
    @discardableResult
    public func sync(now: Date = Date()) throws(WorkspaceError) -> SyncReport {
        try checkLocation()
        var report = SyncReport()
        report.createdWorkspace = !FileSystem.exists(root)
        do {
            try FileSystem.createDirectory(stateFolder)
            try FileSystem.withExclusiveLock(stateFolder.appendingPathComponent("sync.lock")) {
                try syncLocked(now: now, into: &report)
            }
        } catch let error as WorkspaceError {
            throw error
        } catch let error as FileSystemError {
            throw .fileSystem(error)
        } catch {
            throw .fileSystem(
                FileSystemError(operation: "update", path: root.path, code: 0, detail: "\(error)"))
        }
        return report
    }

    /// The body of `sync`, run while holding `.backendlings/sync.lock` so two runners never copy the
    /// same starter at once.
    private func syncLocked(now: Date, into report: inout SyncReport) throws(WorkspaceError) {
        do throws(FileSystemError) {
            for exercise in pack.exercises where !FileSystem.exists(folder(of: exercise)) {
                if try copyStarter(of: exercise, to: folder(of: exercise)) {
                    report.addedExercises.append(exercise.id)
                }
            }
            rmdir(stagingFolder.path)
            try writePackageManifest(now: now, into: &report)
            if !FileSystem.exists(readme) {
                try FileSystem.writeAtomically(WorkspaceReadme.text, to: readme)
                if !report.createdWorkspace { report.restoredFiles.append("README.md") }
            }
        } catch {
            throw .fileSystem(error)
        }
        do {
            if try progressStore.createIfMissing(now: now), !report.createdWorkspace {
                report.restoredFiles.append(".backendlings/progress.json")
            }
        } catch {
            throw .progress(error)
        }
    }

    /// Writes `Package.swift` again when it is not what backendlings generates for the exercise
    /// folders present now (garbled, edited, or out of date), the way every run of the main command
    /// does; a version the runner did not write is saved to `backups/` first. Returns where, when it
    /// saved one. For `check`, `serve` and the watch loop: a broken generated file is not the
    /// learner's code, and must not become a failing check. Leaves a missing file to `validate`.
    @discardableResult
    public func regeneratePackageManifestIfChanged(now: Date = Date()) throws(WorkspaceError) -> URL? {
        guard FileSystem.isFile(packageManifest), FileSystem.exists(stateFolder),
            (try? FileSystem.readFile(packageManifest)) != Data(renderedPackageManifest().utf8)
        else { return nil }
        var report = SyncReport()
        do {
            try FileSystem.withExclusiveLock(stateFolder.appendingPathComponent("sync.lock")) {
                try writePackageManifest(now: now, into: &report)
            }
        } catch let error as FileSystemError {
            throw .fileSystem(error)
        } catch {
            throw .fileSystem(
                FileSystemError(operation: "update", path: packageManifest.path, code: 0, detail: "\(error)"))
        }
        return report.packageManifestBackup
    }

    /// The `Package.swift` text for the exercise folders present now.
    public func renderedPackageManifest() -> String {
        WorkspaceManifest.render(
            exercises: pack.exercises.filter(contains),
            dependencyPath: WorkspaceManifest.dependencyPath(workspace: root, home: home),
            packageIdentity: WorkspaceManifest.packageIdentity(home: home))
    }

    /// Copies a starter through the staging folder, so the exercise folder appears complete or not
    /// at all. False when something took the destination's name meanwhile (it is left alone).
    func copyStarter(of exercise: Exercise, to destination: URL) throws(FileSystemError) -> Bool {
        let staged = try FileSystem.createUniqueDirectory("\(exercise.id)-\(getpid())", in: stagingFolder)
        do {
            try writeStarter(of: exercise, into: staged)
            try FileSystem.createDirectory(destination.deletingLastPathComponent())
            try FileSystem.move(staged, to: destination)
            return true
        } catch {
            try? FileSystem.remove(staged)
            if FileSystem.exists(destination) { return false }
            throw error
        }
    }

    /// The pack's assembled starter written into `folder`; a pack problem (a missing solution that an
    /// overlay starter builds on) is reported as the file-system failure it is for the workspace.
    private func writeStarter(of exercise: Exercise, into folder: URL) throws(FileSystemError) {
        do throws(PackError) {
            try pack.writeStarter(of: exercise, into: folder)
        } catch {
            if case .fileSystem(let failure) = error { throw failure }
            throw FileSystemError(
                operation: "assemble the starter of \(exercise.id) in", path: folder.path, code: 0,
                detail: error.description)
        }
    }

    private func writePackageManifest(now: Date, into report: inout SyncReport) throws(FileSystemError) {
        let content = renderedPackageManifest()
        var existing: Data?
        if FileSystem.exists(packageManifest) { existing = try FileSystem.readFile(packageManifest) }
        if existing == Data(content.utf8) { return }
        if let existing {
            if !isGeneratedByUs(existing) {
                let backup = FileSystem.unusedName(
                    "Package.swift-\(FileSystem.fileNameTimestamp(now))", in: backupsFolder)
                try FileSystem.createDirectory(backupsFolder)
                try FileSystem.writeAtomically(existing, to: backup)
                report.packageManifestBackup = backup
            }
            report.updatedPackageManifest = true
        } else if !report.createdWorkspace {
            report.restoredFiles.append("Package.swift")
        }
        try FileSystem.writeAtomically(content, to: packageManifest)
        try FileSystem.writeAtomically(content, to: generatedManifestRecord)
    }

    /// The pack's lesson and solution folders and the checkout's own folders: they hold module
    /// folders (so would pass for a workspace) or sources, and a workspace written there would
    /// mix the learner's files into them.
    private var protectedFolders: [URL] {
        let fromPack = ["Lessons", "Solutions"].map {
            pack.root.appendingPathComponent($0, isDirectory: true)
        }
        let fromHome = ["Lessons", "Solutions", "Sources", "Tests", "Docs", "Scripts", ".ci", ".git"].map {
            home.appendingPathComponent($0, isDirectory: true)
        }
        return fromPack + fromHome
    }

    /// True when `data` is exactly what the runner last wrote (or, with no record of that, carries
    /// the generated-file marker); anything else holds the learner's edits and is backed up first.
    private func isGeneratedByUs(_ data: Data) -> Bool {
        if let record = try? FileSystem.readFile(generatedManifestRecord) { return record == data }
        return String(decoding: data, as: UTF8.self).contains(WorkspaceManifest.marker)
    }

    /// Refuses the checkout or pack (or a folder above them), any folder inside their own folders
    /// (`Lessons/`, `Solutions/`, `Sources/`, …), a file, and a non-empty folder that does not look
    /// like a workspace.
    func checkLocation() throws(WorkspaceError) {
        let suggestion = displayPath(pack.root.appendingPathComponent("workspace"))
        for protected in [home, pack.root] where FileSystem.relativePath(of: protected, inside: root) != nil {
            throw .unsafeLocation(path: displayPath(root), suggestion: suggestion)
        }
        for folder in protectedFolders where FileSystem.relativePath(of: root, inside: folder) != nil {
            throw .insideCheckout(
                path: displayPath(root), folder: displayPath(folder), suggestion: suggestion)
        }
        guard FileSystem.exists(root) else { return }
        guard FileSystem.isDirectory(root) else { throw .notAFolder(path: displayPath(root)) }
        if FileSystem.exists(stateFolder) { return }
        // SwiftPM's build folder and Finder's metadata do not make a folder someone's work.
        let entries = ((try? FileSystem.contentsOfDirectory(root)) ?? []).filter {
            $0 != ".build" && $0 != ".DS_Store"
        }
        if entries.isEmpty { return }
        if pack.modules.contains(where: {
            entries.contains($0.path.split(separator: "/").first.map(String.init) ?? "")
        }) {
            return
        }
        if let manifest = try? FileSystem.readFile(packageManifest),
            String(decoding: manifest, as: UTF8.self).contains(WorkspaceManifest.marker)
        {
            return
        }
        throw .notAWorkspace(path: displayPath(root))
    }
}
