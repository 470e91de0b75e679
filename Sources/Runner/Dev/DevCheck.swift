import Foundation
import Grader
import Synchronization

/// `backendlings dev check`: proves a lesson pack works. The manifest loads; every exercise has
/// lesson text, at least two hints and TODO markers; no file is orphaned; every untouched starter
/// builds, starts and FAILS at least one hidden check; every reference solution PASSES all of them;
/// and every known-wrong variant fails first at the check it names. A debugging module's exercises
/// have no TODO markers, and need guard checks and a variant that deletes the feature
/// (`DebuggingLint`).
public struct DevCheck: Sendable {
    public let pack: Pack
    public let home: URL
    public var toolchain = SwiftToolchain()
    /// Exercise ids to check; empty means all.
    public var only: Set<String> = []
    /// Variants to check, as `exercise/variant`; empty means every variant of the exercises checked.
    public var onlyVariants: Set<String> = []
    /// False skips the variants (and the `minimumVariants` rule), for a quicker check of starters
    /// and solutions.
    public var checksVariants = true

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    public enum Stage: Sendable {
        case linting
        case building(String?)
        case grading(done: Int, total: Int)
    }

    /// What a built program is, for grading and for telling its verdict.
    enum Role: Sendable {
        case starter, solution
        case variant(Variant)
    }

    /// One program to grade: an exercise's starter, solution or variant.
    struct Job: Sendable {
        var exercise: Exercise
        var role: Role
        var product: String
    }

    public func run(onStage: @escaping @Sendable (Stage) -> Void = { _ in }) throws -> DevCheckResult {
        let package = DevCheckPackage(pack: pack, home: home)
        return try package.exclusively { try run(in: package, onStage: onStage) }
    }

    private func run(in package: DevCheckPackage, onStage: @escaping @Sendable (Stage) -> Void) throws
        -> DevCheckResult
    {
        let exercises = pack.exercises.filter { only.isEmpty || only.contains($0.id) }
        onStage(.linting)
        let lint = PackLint(pack: pack)
        var general = only.isEmpty ? lint.orphans() : []
        if only.isEmpty {
            general += FormatLint(pack: pack, home: home, toolchain: toolchain).problems()
            general += TranslationLint(pack: pack).findings().map(\.description)
        }
        let rules = PackRules.read(pack)
        general += rules.problem.map { [$0] } ?? []
        let overlays = OverlayLint(pack: pack)
        var problems: [String: [String]] = Dictionary(
            uniqueKeysWithValues: exercises.map { ($0.id, lint.problems(of: $0) + overlays.problems(of: $0)) }
        )
        var programs: [DevCheckPackage.Program] = []
        var jobs: [Job] = []
        var variants: [String: [Variant]] = [:]
        for exercise in exercises {
            var solved: [String: Data]?
            do {
                let starter = DevCheckPackage.starterProduct(exercise)
                let solution = DevCheckPackage.solutionProduct(exercise)
                programs.append(
                    .init(product: starter, files: try pack.starterFiles(of: exercise), base: solution))
                jobs.append(Job(exercise: exercise, role: .starter, product: starter))
                solved = try pack.solvedFiles(of: exercise)
                programs.append(.init(product: solution, files: solved ?? [:]))
                jobs.append(Job(exercise: exercise, role: .solution, product: solution))
            } catch {
                problems[exercise.id, default: []].append(String(describing: error))
            }
            guard checksVariants else { continue }
            let loaded = VariantLoader(pack: pack).load(exercise, solved: solved)
            problems[exercise.id, default: []] += loaded.problems
            if onlyVariants.isEmpty && loaded.variants.count < rules.rules.minimumVariants {
                problems[exercise.id, default: []].append(
                    "Exercise \"\(exercise.id)\" has \(loaded.variants.count) variant"
                        + "\(loaded.variants.count == 1 ? "" : "s"); this pack asks for at least "
                        + "\(rules.rules.minimumVariants) (\"minimumVariants\" in pack.json). Add the "
                        + "mistakes learners really make under Solutions/\(exercise.relativePath)/Variants/.")
            }
            if onlyVariants.isEmpty {
                problems[exercise.id, default: []] += DebuggingLint(pack: pack).problems(of: exercise)
            }
            let chosen = loaded.variants.filter { onlyVariants.isEmpty || onlyVariants.contains($0.label) }
            variants[exercise.id] = chosen
            guard let solved else { continue }
            for variant in chosen {
                let product = DevCheckPackage.variantProduct(variant)
                programs.append(
                    .init(
                        product: product, files: variant.assembled(over: solved),
                        base: DevCheckPackage.solutionProduct(exercise)))
                jobs.append(Job(exercise: exercise, role: .variant(variant), product: product))
            }
        }
        general += unknownVariants(among: variants.values.flatMap { $0 })
        let modules = pack.modules.filter { $0.exercises.contains(where: exercises.contains) }
        try package.write(programs, graders: modules)

        onStage(.building(nil))
        let buildStarted = ContinuousClock.now
        let build = try DevPackageBuild(package: package, toolchain: toolchain).run(
            programs: programs, graders: modules,
            explainAlone: { !$0.hasPrefix("variant-") }, onProgress: { onStage(.building($0)) })
        let buildSeconds = (ContinuousClock.now - buildStarted).timeInterval
        general += testWarnings(
            in: build.diagnosticLines, modules: modules,
            cache: package.folder.appendingPathComponent("hidden-test-warnings.json"))
        for job in jobs {
            guard let errors = build.failures[job.product] else { continue }
            switch job.role {
            case .starter, .solution:
                problems[job.exercise.id, default: []].append(
                    "The \(job.role.word) does not compile:\n\(errors)")
            case .variant: break
            }
        }
        for module in modules {
            guard let errors = build.failures[DevCheckPackage.graderProduct(module)] else { continue }
            general.append(
                "The hidden tests in \(DevCheckPackage.graderProduct(module)) do not compile:\n\(errors)")
        }
        general += checkGraderLists(package, exercises: exercises, built: build.built)

        let gradeStarted = ContinuousClock.now
        let reports = grade(jobs, in: package, built: build.built, onStage: onStage)
        var result = DevCheckResult(
            pack: pack.root.path, problems: general,
            exercises: exercises.map { exercise in
                judge(
                    exercise, problems: problems[exercise.id] ?? [], variants: variants[exercise.id] ?? [],
                    reports: reports, failures: build.failures)
            })
        result.buildSeconds = buildSeconds
        result.gradeSeconds = (ContinuousClock.now - gradeStarted).timeInterval
        return result
    }

    /// Grades every built job whose module's grader was built, in parallel.
    private func grade(
        _ jobs: [Job], in package: DevCheckPackage, built: Set<String>,
        onStage: @escaping @Sendable (Stage) -> Void
    ) -> Reports {
        let reports = Reports()
        let threads = BoundedThreads()
        let runnable = jobs.filter { job in
            built.contains(job.product)
                && pack.modules.contains {
                    $0.id == job.exercise.moduleID && built.contains(DevCheckPackage.graderProduct($0))
                }
        }
        for job in runnable {
            let grader = package.binary("grader-\(job.exercise.moduleID)")
            let server = package.binary(job.product)
            // Load checks compare with the reference solution, which this run has just built. Only
            // exercises that say so get it, as learners' checks do: a check that needs it elsewhere
            // fails here, naming the missing "comparesWithReference". The same for the starter.
            let solution = DevCheckPackage.solutionProduct(job.exercise)
            let reference =
                job.exercise.comparesWithReference && built.contains(solution)
                ? package.binary(solution) : nil
            let starterProduct = DevCheckPackage.starterProduct(job.exercise)
            let starter =
                job.exercise.comparesWithStarter && built.contains(starterProduct)
                ? package.binary(starterProduct) : nil
            threads.submit {
                let report = Self.gradeOne(
                    job.exercise, grader: grader, server: server, reference: reference, starter: starter,
                    learnerFolder: package.programsFolder.appendingPathComponent(job.product))
                reports.record(job.product, report)
                onStage(.grading(done: reports.count, total: runnable.count))
            }
        }
        threads.wait()
        return reports
    }

    /// `--only exercise/variant` naming a variant that does not exist.
    private func unknownVariants(among found: [Variant]) -> [String] {
        let labels = Set(found.map(\.label))
        return onlyVariants.subtracting(labels).sorted().map {
            "There is no variant \"\($0)\" (a folder Solutions/<exercise>/Variants/<name> with a variant.json)."
        }
    }

    /// Grading reports by product, recorded from many threads.
    final class Reports: Sendable {
        // The grading threads record while the caller waits for them.
        private let reports = Mutex<[String: GradeReport]>([:])
        func record(_ product: String, _ report: GradeReport) { reports.withLock { $0[product] = report } }
        subscript(product: String) -> GradeReport? { reports.withLock { $0[product] } }
        var count: Int { reports.withLock { $0.count } }
    }
}

extension DevCheck.Role {
    var word: String {
        switch self {
        case .starter: "starter"
        case .solution: "solution"
        case .variant: "variant"
        }
    }

}

extension DevCheck {
    /// One grading run; without a cancellation it cannot be cancelled, so `try?` loses nothing.
    /// `learnerFolder` is the program's assembled files (`Exercises/<product>/`): a check that reads
    /// a learner's file (a `Containerfile`) reads this program's own, a variant's mistake included.
    static func gradeOne(
        _ exercise: Exercise, grader: URL, server: URL, reference: URL?, starter: URL? = nil,
        learnerFolder: URL? = nil
    ) -> GradeReport {
        (try? GraderInvocation.run(
            grader: grader, exercise: exercise.id, server: server, reference: reference, starter: starter,
            learnerFolder: learnerFolder, timeout: .seconds(300)))
            ?? GradeReport(exercise: exercise.id, status: .error, message: BuildError.cancelled.description)
    }
}
