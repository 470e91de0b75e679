import Foundation
import Grader

/// The programs hidden tests run beside the learner's server — the reference solution (a latency
/// ratio measured in the same run) and the untouched starter (a regression test must fail on the
/// planted bug) — built beside the graders: in the same package and build folder, so BackendKit,
/// compiled for the graders already, is not compiled again.
extension GraderBuilder {
    /// Which program of an exercise: its reference solution or its untouched starter.
    public enum Companion: Sendable, CaseIterable {
        case reference, starter

        /// The folder of the generated package that holds the sources.
        var folder: String { self == .reference ? "References" : "Starters" }
        /// Where a compiler error in it points a pack author.
        func sourcePath(of exercise: Exercise) -> String {
            self == .reference
                ? "Solutions/\(exercise.relativePath)/" : "Lessons/\(exercise.relativePath)/Starter/"
        }
        var word: String { self == .reference ? "reference solution" : "starter" }

        /// Whether `exercise`'s checks need this program.
        public func isNeeded(by exercise: Exercise) -> Bool {
            self == .reference ? exercise.comparesWithReference : exercise.comparesWithStarter
        }
    }

    /// The executable of `exercise`'s reference solution (or starter).
    public static func companionProduct(_ companion: Companion, _ exercise: Exercise) -> String {
        "\(companion == .reference ? "reference" : "starter")-\(exercise.id)"
    }

    /// Where the built program is.
    public func companionBinary(_ companion: Companion, of exercise: Exercise) -> URL {
        scratchFolder.appendingPathComponent("debug/\(Self.companionProduct(companion, exercise))")
    }

    /// The programs `exercise`'s checks run beside the learner's server, built when needed.
    public func companions(of exercise: Exercise, onProgress: (@Sendable (String) -> Void)? = nil)
        throws(BuildError) -> (reference: URL?, starter: URL?)
    {
        (
            reference: Companion.reference.isNeeded(by: exercise)
                ? try ensure(.reference, of: exercise, onProgress: onProgress) : nil,
            starter: Companion.starter.isNeeded(by: exercise)
                ? try ensure(.starter, of: exercise, onProgress: onProgress) : nil
        )
    }

    /// `companion` of `exercise`, built if its sources or BackendKit changed since the last build.
    public func ensure(
        _ companion: Companion, of exercise: Exercise, onProgress: (@Sendable (String) -> Void)? = nil
    ) throws(BuildError) -> URL {
        let folder = packageFolder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try FileSystem.withExclusiveLock(folder.appendingPathComponent(".lock")) {
                try buildLocked(companion, of: exercise, in: folder, onProgress: onProgress)
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .packageGeneration("Could not prepare the \(companion.word) at \(folder.path): \(error)")
        }
    }

    private func buildLocked(
        _ companion: Companion, of exercise: Exercise, in folder: URL,
        onProgress: (@Sendable (String) -> Void)?
    ) throws -> URL {
        let product = Self.companionProduct(companion, exercise)
        let binary = companionBinary(companion, of: exercise)
        let record = folder.appendingPathComponent(".fingerprints/\(product)")
        let fingerprint = self.fingerprint(of: try sources(companion, of: exercise))
        if FileManager.default.isExecutableFile(atPath: binary.path),
            let stored = try? String(contentsOf: record, encoding: .utf8), stored == fingerprint.description
        {
            return binary
        }
        try generatePackage(in: folder)
        let outcome = try toolchain.build(
            package: folder, product: product, scratchPath: scratchFolder, timeout: timeout,
            onProgress: onProgress)
        guard outcome.succeeded else {
            let summary = CompilerDiagnostics.summarize(
                outcome.output.text,
                replacing: [
                    (folder.path + "/\(companion.folder)/\(exercise.id)/", companion.sourcePath(of: exercise))
                ])
            throw BuildError.packageGeneration(
                "The \(companion.word) of \"\(exercise.id)\" does not compile. This is a problem in the lesson pack, not in your code:\n\(summary)"
            )
        }
        try FileManager.default.createDirectory(
            at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fingerprint.description.write(to: record, atomically: true, encoding: .utf8)
        return binary
    }

    private func sources(_ companion: Companion, of exercise: Exercise) throws -> [String: Data] {
        companion == .reference ? try pack.solvedFiles(of: exercise) : try pack.starterFiles(of: exercise)
    }

    /// The program's assembled files and the library it is built with. Read whole: only the checks
    /// of the few exercises that run one look at it.
    private func fingerprint(of files: [String: Data]) -> Fingerprint {
        var fingerprint = Fingerprint()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add(data)
        }
        for library in ["BackendKit", "CSystemShims"] {
            fingerprint.addTreeMetadata(home.appendingPathComponent("Sources/\(library)"))
        }
        return fingerprint
    }

    /// Writes `References/<id>/` and `Starters/<id>/` for every exercise whose checks run them (only
    /// files whose bytes differ, so builds stay incremental) and removes folders no longer needed.
    /// Returns the programs written: one that cannot be assembled gets no target, so the graders
    /// still build (the dev check names the problem).
    func writeCompanionSources(in folder: URL) throws -> [(Companion, Exercise)] {
        var written: [(Companion, Exercise)] = []
        for companion in Companion.allCases {
            let root = folder.appendingPathComponent(companion.folder, isDirectory: true)
            var wanted = Set<String>()
            for exercise in pack.exercises where companion.isNeeded(by: exercise) {
                guard let files = try? sources(companion, of: exercise) else { continue }
                try FileSystem.mirror(files: files, to: root.appendingPathComponent(exercise.id))
                written.append((companion, exercise))
                wanted.insert(exercise.id)
            }
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            where !wanted.contains(entry) {
                try FileManager.default.removeItem(at: root.appendingPathComponent(entry))
            }
        }
        return written
    }
}
