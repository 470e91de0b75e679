import Foundation
import Grader
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Builds the dev check's programs with the compiler and linker directly, two at a time, each
/// compiling only what differs from a program already built.
///
/// A variant differs from its solution in one file or two, and a starter from its solution in the
/// learner's files; every other file compiles to the same object. SwiftPM cannot know that across
/// targets, so as targets each of ~550 programs compiled all its files (about 10 minutes from cold
/// on 2 cores). Here a program names a base (its solution): the files that differ are compiled, and
/// when they declare what the base's did, the base's other objects are linked as they are.
struct ProgramBuilder: Sendable {
    let plan: ProgramPlan
    /// `Exercises/<product>/`: the sources, as `DevCheckPackage.write` left them.
    let sourcesFolder: URL
    /// `Programs/<product>/`: each program's objects, declarations and record.
    let programsFolder: URL
    /// Where each program's binary goes.
    let binary: @Sendable (String) -> URL
    var compileTimeout: Duration = .seconds(900)

    /// One program to build, and the program whose objects it may reuse.
    struct Job: Sendable {
        var product: String
        var files: [String: Data]
        var base: String?
        /// Starters and solutions: a compile error is shown with its source lines.
        var explained: Bool
    }

    enum Outcome: Equatable, Sendable {
        case built
        case failed(String)
    }

    /// Builds every job, bases first, in parallel; the result by product.
    func buildAll(_ jobs: [Job], onProgress: @escaping @Sendable (String) -> Void) -> [String: Outcome] {
        let products = Set(jobs.map(\.product))
        let first = jobs.filter { $0.base.map { !products.contains($0) } ?? true }
        let second = jobs.filter { $0.base.map(products.contains) ?? false }
        let results = Mutex<[String: Outcome]>([:])
        let total = jobs.count
        for phase in [first, second] {
            let threads = BoundedThreads()
            for job in phase {
                threads.submit {
                    let outcome = build(job)
                    let done = results.withLock { results in
                        results[job.product] = outcome
                        return results.count
                    }
                    onProgress("[\(done)/\(total)] Built \(job.product)")
                }
            }
            threads.wait()
        }
        return results.withLock { $0 }
    }

    /// Builds one program: nothing when its files and the plan are unchanged, the changed files
    /// when a base (or its own last build) declares the same, otherwise every file.
    func build(_ job: Job) -> Outcome {
        let hashes = ProgramRecord.hashes(of: job.files)
        let own = ProgramRecord.read(from: recordFile(job.product)).flatMap {
            $0.stamp == plan.stamp ? $0 : nil
        }
        if let own, own.files == hashes {
            if let failure = own.failure { return .failed(failure) }
            if FileManager.default.isExecutableFile(atPath: binary(job.product).path) { return .built }
        }
        // A learner's file that is not Swift (a `Containerfile`) is in the hashes, so a program that
        // differs only there is still its own program (its folder is what its checks read), but it
        // is never handed to the compiler.
        let sources = Self.swiftSources(of: job)
        // The base first: its objects are linked, not copied, so programs of one exercise share them.
        var candidates: [(product: String, record: ProgramRecord)] = []
        if let base = job.base, let record = ProgramRecord.read(from: recordFile(base)),
            record.stamp == plan.stamp
        {
            candidates.append((base, record))
        }
        if let own { candidates.append((job.product, own)) }
        // Until this build records what it made, no other program may take its objects.
        try? FileManager.default.removeItem(at: recordFile(job.product))
        do {
            for candidate in candidates
            where candidate.record.failure == nil
                && Set(candidate.record.files.keys.filter(Self.isSwiftSource)) == Set(sources)
            {
                let changed = sources.filter { candidate.record.files[$0] != hashes[$0] }
                guard changed.count < sources.count,
                    sources.allSatisfy({
                        FileManager.default.fileExists(atPath: object(of: $0, in: candidate.product).path)
                    })
                else { continue }
                let compiled = try compile(job, primaries: changed)
                guard case .compiled(let declarations) = compiled else {
                    return try finish(job, hashes: hashes, compiled)
                }
                guard changed.allSatisfy({ declarations[$0] == candidate.record.declarations[$0] }) else {
                    continue
                }
                for source in sources where !changed.contains(source) && candidate.product != job.product {
                    try adopt(
                        object(of: source, in: candidate.product), as: object(of: source, in: job.product))
                }
                return try finish(
                    job, hashes: hashes, .compiled(candidate.record.declarations.merging(declarations) { $1 })
                )
            }
            return try finish(job, hashes: hashes, try compile(job, primaries: sources))
        } catch {
            return .failed("Could not build \(job.product): \(error)")
        }
    }

    private enum Compiled {
        case compiled([String: String])
        case failed(String)
    }

    /// Compiles `primaries` into fresh objects and declarations, moved into place only on success.
    private func compile(_ job: Job, primaries: [String]) throws -> Compiled {
        guard !primaries.isEmpty else { return .compiled([:]) }
        let folder = programsFolder.appendingPathComponent(job.product, isDirectory: true)
        let scratch = folder.appendingPathComponent("scratch", isDirectory: true)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = { (name: String) in
            self.sourcesFolder.appendingPathComponent("\(job.product)/\(name)").path
        }
        let scratchObject = { (name: String) in scratch.appendingPathComponent(Self.objectName(name)).path }
        let scratchDeclarations = { (name: String) in
            scratch.appendingPathComponent(Self.declarationsName(name)).path
        }
        var map: [String: [String: String]] = [:]
        for name in primaries { map[source(name)] = ["swiftmodule": scratchDeclarations(name)] }
        let mapFile = scratch.appendingPathComponent("outputs.json")
        try JSONSerialization.data(withJSONObject: map).write(to: mapFile)
        let command = plan.compile(
            sources: Self.swiftSources(of: job).map(source), primaries: primaries.map(source),
            objects: primaries.map(scratchObject), outputMap: mapFile.path)
        let (status, output) = try ChildProcess.run(
            executable: command[0], arguments: Array(command.dropFirst()),
            workingDirectory: plan.workingDirectory, timeout: compileTimeout)
        guard status.isSuccess else { return .failed(errors(in: output.text, of: job)) }
        var declarations: [String: String] = [:]
        for name in primaries {
            let data = try Data(contentsOf: URL(fileURLWithPath: scratchDeclarations(name)))
            declarations[name] = ProgramRecord.hashes(of: [name: data])[name]
            try adopt(
                URL(fileURLWithPath: scratchObject(name)), as: object(of: name, in: job.product), move: true)
        }
        return .compiled(declarations)
    }

    /// Links a compiled program and records what was built, or records its errors.
    private func finish(_ job: Job, hashes: [String: String], _ compiled: Compiled) throws -> Outcome {
        var record = ProgramRecord(stamp: plan.stamp, files: hashes, declarations: [:], failure: nil)
        switch compiled {
        case .failed(let errors):
            record.failure = errors
            try? FileManager.default.removeItem(at: binary(job.product))
        case .compiled(let declarations):
            record.declarations = declarations
            let output = binary(job.product)
            try FileManager.default.createDirectory(
                at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            let linking = output.appendingPathExtension("linking")
            let objects = Self.swiftSources(of: job).map { object(of: $0, in: job.product).path }
            let command = plan.link(objects: objects, binary: linking.path)
            let (status, text) = try ChildProcess.run(
                executable: command[0], arguments: Array(command.dropFirst()),
                workingDirectory: plan.workingDirectory, timeout: compileTimeout)
            guard status.isSuccess else {
                try? FileManager.default.removeItem(at: linking)
                // Not the program's fault (a library the seed did not link): build it again next time.
                return .failed("\(job.product) does not link:\n" + text.text.suffix(2000))
            }
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.moveItem(at: linking, to: output)
        }
        try record.write(to: recordFile(job.product))
        return record.failure.map(Outcome.failed) ?? .built
    }

    /// The compiler's errors: for a starter or solution with their source lines, for the others
    /// the error lines alone; paths are shown from the program's folder.
    private func errors(in output: String, of job: Job) -> String {
        let prefixes = [
            FileSystem.canonicalPath(sourcesFolder) + "/\(job.product)/",
            sourcesFolder.path + "/\(job.product)/",
        ]
        if job.explained {
            return CompilerDiagnostics.summarize(output, replacing: prefixes.map { ($0, "") }, maxLines: 25)
        }
        var found: [String] = []
        for line in output.split(separator: "\n").map(String.init) where line.contains(": error: ") {
            var shown = line
            for prefix in prefixes where shown.hasPrefix(prefix) {
                shown = String(shown.dropFirst(prefix.count))
            }
            if !found.contains(shown) { found.append(shown) }
        }
        return found.isEmpty ? String(output.suffix(2000)) : found.prefix(10).joined(separator: "\n")
    }

    /// Puts `source` at `destination` (replacing it): moved, or linked so that both programs keep it
    /// (a later rebuild writes a new file and never changes a shared one).
    private func adopt(_ source: URL, as destination: URL, move: Bool = false) throws {
        let manager = FileManager.default
        try manager.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? manager.removeItem(at: destination)
        if move {
            try manager.moveItem(at: source, to: destination)
        } else if link(source.path, destination.path) != 0 {
            try manager.copyItem(at: source, to: destination)
        }
    }

    /// The files the compiler gets: the Swift ones, sorted.
    static func swiftSources(of job: Job) -> [String] {
        job.files.keys.filter(isSwiftSource).sorted()
    }

    static func isSwiftSource(_ path: String) -> Bool { path.hasSuffix(".swift") }

    private func recordFile(_ product: String) -> URL {
        programsFolder.appendingPathComponent("\(product)/record.json")
    }

    private func object(of source: String, in product: String) -> URL {
        programsFolder.appendingPathComponent("\(product)/objects/\(Self.objectName(source))")
    }

    private static func objectName(_ source: String) -> String {
        source.replacingOccurrences(of: "/", with: "__") + ".o"
    }

    private static func declarationsName(_ source: String) -> String {
        source.replacingOccurrences(of: "/", with: "__") + ".swiftmodule"
    }
}
