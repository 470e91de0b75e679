import Foundation
import Grader

/// Which of an exercise's files a save changed, and the compile of a single changed file without
/// the driver (see ``SourceRecord`` and ``FrontendTemplate`` for why).
extension ExerciseBuilder {
    /// The exercise's files now, and which of them changed since its last successful build.
    struct SourceChanges {
        var current: SourceRecord
        /// Nil when there is no record of the last build: anything may have changed.
        var changed: Set<String>?
        /// Source → object file, as SwiftPM's output file map says; empty before the first build.
        var objects: [String: String]

        /// The one file a save changed, when it changed exactly one.
        var onlyChangedFile: String? {
            guard let changed, changed.count == 1 else { return nil }
            return changed.first
        }
    }

    enum OneFileOutcome {
        /// Compiled, and its declarations are the ones the other files were compiled against.
        case compiled
        /// Compiled, but its declarations changed (or were not known): other files may need compiling.
        case declarationsChanged
        case compileFailed(String)
        /// The command could not run; the driver takes over.
        case unusable
    }

    func sourceChanges(of exercise: Exercise) -> SourceChanges {
        let map = workspace.buildFolder.appendingPathComponent(
            "debug/\(exercise.id.replacingOccurrences(of: "-", with: "_")).build/output-file-map.json")
        let objects = FrontendTemplate.objectFiles(inOutputFileMap: map.path) ?? [:]
        let current = SourceRecord.current(objects.keys.sorted())
        let changed = SourceRecord.load(from: sourceRecordFile(of: exercise)).map {
            current.changed(since: $0)
        }
        return SourceChanges(current: current, changed: changed, objects: objects)
    }

    /// Removes the object file of every changed file, or of every file when nothing is known, so
    /// the driver cannot skip one of them. Returns the files whose objects were removed.
    func forgetChangedObjects(_ changes: SourceChanges) -> Set<String> {
        let files = changes.changed ?? Set(changes.objects.keys)
        for file in files {
            if let object = changes.objects[file] { try? FileManager.default.removeItem(atPath: object) }
        }
        return files
    }

    /// After the driver or SwiftPM ran. On success every object was compiled from the files as they
    /// are now, and the declarations a file compiled alone just before are the ones every object
    /// was compiled against. After a failure, each file whose object was removed and is back was
    /// compiled from its current content, and one still missing must be compiled next time; some
    /// objects may have been compiled against declarations that are gone, so no file may be
    /// compiled alone until a build succeeds again.
    func recordDriverRun(
        _ changes: SourceChanges, removed: Set<String>, succeeded: Bool, of exercise: Exercise,
        compiledAlone: String? = nil
    ) {
        if succeeded {
            // Read again: SwiftPM may have just written the output file map, or a longer one.
            sourceChanges(of: exercise).current.save(to: sourceRecordFile(of: exercise))
            if let compiledAlone { promoteDeclarations(of: compiledAlone, exercise: exercise) }
            return
        }
        var record = SourceRecord.load(from: sourceRecordFile(of: exercise)) ?? SourceRecord(files: [:])
        if changes.changed == nil { record = SourceRecord(files: [:]) }
        for file in removed {
            if let object = changes.objects[file], FileManager.default.fileExists(atPath: object) {
                record.files[file] = changes.current.files[file]
            } else {
                record.files[file] = nil
            }
        }
        record.save(to: sourceRecordFile(of: exercise))
        try? FileManager.default.removeItem(at: declarationsFolder(of: exercise))
    }

    /// After `source` compiled alone and linked: its object is its current content.
    func recordCompiledAlone(_ source: String, _ changes: SourceChanges, of exercise: Exercise) {
        var record = SourceRecord.load(from: sourceRecordFile(of: exercise)) ?? SourceRecord(files: [:])
        record.files[source] = changes.current.files[source]
        record.save(to: sourceRecordFile(of: exercise))
    }

    /// Compiles `source` alone and compares its declarations with those of the last build.
    func compileOneFile(
        _ source: String, with template: FrontendTemplate, of exercise: Exercise, cancellation: Cancellation?
    ) throws(BuildError) -> OneFileOutcome {
        let recorded = declarationsFile(of: exercise, source: source)
        let fresh = recorded.appendingPathExtension("new")
        try? FileManager.default.createDirectory(
            at: recorded.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let command = template.command(compiling: source, partialModule: fresh.path) else {
            return .unusable
        }
        let ran: (status: ExitStatus, output: CapturedOutput)
        do {
            ran = try StageTiming.measure("compile one file") {
                try Cancellation.run(
                    executable: command[0], arguments: Array(command.dropFirst()),
                    workingDirectory: workspace.root.path, timeout: timeout, cancellation: cancellation)
            }
        } catch is CheckCancelled {
            throw .cancelled
        } catch {
            return .unusable
        }
        guard ran.status.isSuccess else {
            let text = ran.output.text
            return text.contains("error: ") ? .compileFailed(text) : .unusable
        }
        let unchanged =
            FileManager.default.contents(atPath: recorded.path).map {
                $0 == FileManager.default.contents(atPath: fresh.path)
            } ?? false
        // Changed declarations become the recorded ones only once the driver built everything with them.
        if unchanged { try? FileManager.default.removeItem(at: fresh) }
        return unchanged ? .compiled : .declarationsChanged
    }

    private func promoteDeclarations(of source: String, exercise: Exercise) {
        let recorded = declarationsFile(of: exercise, source: source)
        try? FileManager.default.removeItem(at: recorded)
        try? FileManager.default.moveItem(at: recorded.appendingPathExtension("new"), to: recorded)
    }

    private func sourceRecordFile(of exercise: Exercise) -> URL {
        workspace.stateFolder.appendingPathComponent("builds/\(exercise.id).sources.json")
    }

    private func declarationsFolder(of exercise: Exercise) -> URL {
        workspace.stateFolder.appendingPathComponent("builds/\(exercise.id).declarations")
    }

    /// Where a source file's declarations (its partial module) from the last build are kept.
    private func declarationsFile(of exercise: Exercise, source: String) -> URL {
        var key = Fingerprint()
        key.add(source)
        return declarationsFolder(of: exercise).appendingPathComponent("\(key).swiftmodule")
    }
}
