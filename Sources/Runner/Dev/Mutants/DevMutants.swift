import Foundation
import Grader

/// `backendlings dev mutants EXERCISE`: a second net under the hand-written variants. It makes
/// small mechanical mistakes in the exercise's reference solution files (`MutationCatalog`),
/// builds and grades each mutant beside the solution in the dev check's package, and reports the
/// mutants that every check lets through: where the hidden tests are blind.
public struct DevMutants: Sendable {
    public let pack: Pack
    public let home: URL
    public var toolchain = SwiftToolchain()
    /// The most mutants to build and grade; more are sampled down with `seed`.
    public var maximum = 60
    public var seed: UInt64 = 1

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    public enum Stage: Sendable {
        case building(String?)
        case grading(done: Int, total: Int)
    }

    /// The mutants a run would build, without building them (`--list`).
    public func plan(_ exercise: Exercise) throws -> DevMutantsResult {
        let solved = try pack.solvedFiles(of: exercise)
        let (all, chosen) = mutations(of: exercise, solved: solved)
        return DevMutantsResult(
            exercise: exercise.id, seed: seed, maximum: maximum, candidates: all.count,
            mutants: chosen.enumerated().map {
                mutant($0.element, number: $0.offset + 1, of: exercise, solved: solved)
            },
            buildSeconds: 0, gradeSeconds: 0)
    }

    private func mutations(of exercise: Exercise, solved: [String: Data]) -> (
        all: [Mutation], chosen: [Mutation]
    ) {
        var mutations: [Mutation] = []
        // The catalog's operators are Swift's: a `Containerfile` among the learner files has none.
        for file in exercise.files where ProgramBuilder.isSwiftSource(file) {
            guard let data = solved[file] else { continue }
            mutations += MutationCatalog(file: file, text: String(decoding: data, as: UTF8.self)).mutations()
        }
        // Numbered in file and line order, so the report reads like the files.
        func position(_ mutation: Mutation, _ order: Int) -> (Int, Int, Int) {
            (
                exercise.files.firstIndex(of: mutation.file) ?? 0,
                mutation.edits.map(\.range.lowerBound).min() ?? 0,
                order
            )
        }
        let chosen = MutantSample.take(mutations, maximum: maximum, seed: seed).enumerated()
            .sorted { position($0.element, $0.offset) < position($1.element, $1.offset) }.map(\.element)
        return (mutations, chosen)
    }

    private func mutant(
        _ mutation: Mutation, number: Int, of exercise: Exercise, solved: [String: Data],
        outcome: DevMutantsResult.Outcome = .notRun, killedBy: String? = nil
    ) -> DevMutantsResult.Mutant {
        let original = Array(solved[mutation.file] ?? Data())
        let diff = MutationDiff(original: original, mutated: mutation.apply(to: original))
        return DevMutantsResult.Mutant(
            number: number, file: "Solutions/\(exercise.relativePath)/\(mutation.file)", line: diff.line,
            kind: mutation.kind.rawValue, diff: diff.lines(), outcome: outcome, killedBy: killedBy)
    }

    public func run(_ exercise: Exercise, onStage: @escaping @Sendable (Stage) -> Void = { _ in }) throws
        -> DevMutantsResult
    {
        let solved = try pack.solvedFiles(of: exercise)
        let (mutations, chosen) = self.mutations(of: exercise, solved: solved)
        guard let module = pack.modules.first(where: { $0.id == exercise.moduleID }) else {
            throw DevMutantsError.noModule(exercise.id)
        }
        let package = DevCheckPackage(pack: pack, home: home)
        return try package.exclusively {
            try run(
                exercise, module: module, solved: solved, mutations: chosen, candidates: mutations.count,
                package: package, onStage: onStage)
        }
    }

    private func run(
        _ exercise: Exercise, module: Module, solved: [String: Data], mutations: [Mutation], candidates: Int,
        package: DevCheckPackage, onStage: @escaping @Sendable (Stage) -> Void
    ) throws -> DevMutantsResult {
        let solution = DevCheckPackage.solutionProduct(exercise)
        let grader = DevCheckPackage.graderProduct(module)
        var programs = [DevCheckPackage.Program(product: solution, files: solved)]
        for (index, mutation) in mutations.enumerated() {
            var files = solved
            files[mutation.file] = Data(mutation.apply(to: Array(solved[mutation.file] ?? Data())))
            programs.append(
                .init(
                    product: DevCheckPackage.mutantProduct(exercise, number: index + 1), files: files,
                    base: solution))
        }
        try package.write(programs, graders: [module])
        onStage(.building(nil))
        let buildStarted = ContinuousClock.now
        let build = try DevPackageBuild(package: package, toolchain: toolchain).run(
            programs: programs, graders: [module],
            explainAlone: { $0 == solution || $0 == grader }, onProgress: { onStage(.building($0)) })
        let buildSeconds = (ContinuousClock.now - buildStarted).timeInterval
        if let errors = build.failures[grader] {
            throw DevMutantsError.doesNotCompile("grader-\(module.id)", errors)
        }
        if let errors = build.failures[solution] {
            throw DevMutantsError.doesNotCompile("the reference solution of \(exercise.id)", errors)
        }

        let gradeStarted = ContinuousClock.now
        let reports = DevCheck.Reports()
        let threads = BoundedThreads()
        let graded = programs.filter { build.built.contains($0.product) }.map(\.product)
        // Load checks compare with the reference solution, built in this run.
        let solutionBinary = package.binary(solution)
        for product in graded {
            let graderBinary = package.binary(grader)
            let server = package.binary(product)
            threads.submit {
                reports.record(
                    product,
                    DevCheck.gradeOne(
                        exercise, grader: graderBinary, server: server, reference: solutionBinary,
                        learnerFolder: package.programsFolder.appendingPathComponent(product)))
                onStage(.grading(done: reports.count, total: graded.count))
            }
        }
        threads.wait()
        guard let reference = reports[solution], reference.status == .pass else {
            let failure = reports[solution]?.firstFailure.map { "\"\($0.name)\": \($0.message ?? "")" }
            throw DevMutantsError.solutionFails(
                exercise.id, failure ?? reports[solution]?.message ?? "not graded")
        }
        let mutants = mutations.enumerated().map { index, mutation in
            let report = reports[DevCheckPackage.mutantProduct(exercise, number: index + 1)]
            let outcome: DevMutantsResult.Outcome =
                report == nil ? .doesNotCompile : (report?.status == .pass ? .survived : .killed)
            return mutant(
                mutation, number: index + 1, of: exercise, solved: solved, outcome: outcome,
                killedBy: outcome == .killed ? Self.killer(of: report) : nil)
        }
        return DevMutantsResult(
            exercise: exercise.id, seed: seed, maximum: maximum, candidates: candidates, mutants: mutants,
            buildSeconds: buildSeconds, gradeSeconds: (ContinuousClock.now - gradeStarted).timeInterval)
    }

    /// The check that noticed the mutant, or why no check could run.
    private static func killer(of report: GradeReport?) -> String? {
        guard let report else { return nil }
        if report.status == .error { return "its server did not start" }
        return report.checks.first { $0.status == .fail || $0.status == .error }?.name
    }
}

/// Why `dev mutants` could not give a score.
public enum DevMutantsError: Error, CustomStringConvertible, Sendable {
    case noModule(String)
    case doesNotCompile(String, String)
    case solutionFails(String, String)

    public var description: String {
        switch self {
        case .noModule(let id):
            "Exercise \"\(id)\" belongs to no module of the pack."
        case .doesNotCompile(let what, let errors):
            "\(what) does not compile, so no mutant can be judged. Run `backendlings dev check` first.\n\(errors)"
        case .solutionFails(let id, let failure):
            "The reference solution of \(id) does not pass (\(failure)), so mutants say nothing about the "
                + "checks. Run `backendlings dev check --only \(id)` first."
        }
    }
}
