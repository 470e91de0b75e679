import Foundation
import Grader

/// The reference solutions that hidden tests compare the learner's server with (a latency ratio
/// measured in the same run), built beside the graders: in the same package and build folder, so
/// BackendKit, compiled for the graders already, is not compiled again.
extension GraderBuilder {
    /// The executable of `exercise`'s reference solution.
    public static func referenceProduct(_ exercise: Exercise) -> String { "reference-\(exercise.id)" }

    /// Where the built reference solution of `exercise` is.
    public func referenceBinary(of exercise: Exercise) -> URL {
        scratchFolder.appendingPathComponent("debug/\(Self.referenceProduct(exercise))")
    }

    /// The reference solution of `exercise`, built if the solution or BackendKit changed since the
    /// last build. Only exercises whose hidden tests compare with it (`comparesWithReference`) have one.
    public func ensureReference(_ exercise: Exercise, onProgress: (@Sendable (String) -> Void)? = nil)
        throws(BuildError) -> URL
    {
        let folder = packageFolder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try FileSystem.withExclusiveLock(folder.appendingPathComponent(".lock")) {
                try buildReferenceLocked(exercise, in: folder, onProgress: onProgress)
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .packageGeneration("Could not prepare the reference solution at \(folder.path): \(error)")
        }
    }

    private func buildReferenceLocked(
        _ exercise: Exercise, in folder: URL, onProgress: (@Sendable (String) -> Void)?
    ) throws -> URL {
        let binary = referenceBinary(of: exercise)
        let record = folder.appendingPathComponent(".fingerprints/\(Self.referenceProduct(exercise))")
        let fingerprint = try referenceFingerprint(of: exercise)
        if FileManager.default.isExecutableFile(atPath: binary.path),
            let stored = try? String(contentsOf: record, encoding: .utf8), stored == fingerprint.description
        {
            return binary
        }
        try generatePackage(in: folder)
        let outcome = try toolchain.build(
            package: folder, product: Self.referenceProduct(exercise), scratchPath: scratchFolder,
            timeout: timeout, onProgress: onProgress)
        guard outcome.succeeded else {
            let summary = CompilerDiagnostics.summarize(
                outcome.output.text,
                replacing: [
                    (folder.path + "/References/\(exercise.id)/", "Solutions/\(exercise.relativePath)/")
                ])
            throw BuildError.packageGeneration(
                "The reference solution of \"\(exercise.id)\" does not compile. This is a problem in the lesson pack, not in your code:\n\(summary)"
            )
        }
        try FileManager.default.createDirectory(
            at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fingerprint.description.write(to: record, atomically: true, encoding: .utf8)
        return binary
    }

    /// The solution's assembled files and the library it is built with. Read whole: a reference is
    /// only looked at by the checks of the few exercises that compare with one.
    private func referenceFingerprint(of exercise: Exercise) throws -> Fingerprint {
        var fingerprint = Fingerprint()
        for (path, data) in try pack.solvedFiles(of: exercise).sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add(data)
        }
        for library in ["BackendKit", "CSystemShims"] {
            fingerprint.addTreeMetadata(home.appendingPathComponent("Sources/\(library)"))
        }
        return fingerprint
    }

    /// Writes `References/<id>/` for every exercise that compares with its reference solution
    /// (only files whose bytes differ, so builds stay incremental) and removes the folders of
    /// exercises that no longer do. Returns the exercises written: a solution that cannot be
    /// assembled gets no target, so the graders still build (the dev check names the problem).
    func writeReferenceSources(in folder: URL) throws -> [Exercise] {
        let references = folder.appendingPathComponent("References", isDirectory: true)
        var written: [Exercise] = []
        for exercise in pack.exercises where exercise.comparesWithReference {
            guard let files = try? pack.solvedFiles(of: exercise) else { continue }
            try FileSystem.mirror(files: files, to: references.appendingPathComponent(exercise.id))
            written.append(exercise)
        }
        let wanted = Set(written.map(\.id))
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: references.path)) ?? []
        where !wanted.contains(entry) {
            try FileManager.default.removeItem(at: references.appendingPathComponent(entry))
        }
        return written
    }
}
