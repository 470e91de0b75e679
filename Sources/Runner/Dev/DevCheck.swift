import Foundation
import Grader

/// `backendlings dev check`: proves a lesson pack works. The manifest loads; every exercise has
/// lesson text, at least two hints and TODO markers; no file is orphaned; every untouched starter
/// builds, starts and FAILS at least one hidden check; every reference solution PASSES all of them.
public struct DevCheck: Sendable {
    public let pack: Pack
    public let home: URL
    public var toolchain = SwiftToolchain()
    /// Exercise ids to check; empty means all.
    public var only: Set<String> = []

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    public enum Stage: Sendable {
        case linting
        case building(String?)
        case grading(done: Int, total: Int)
    }

    public func run(onStage: @escaping @Sendable (Stage) -> Void = { _ in }) throws -> DevCheckResult {
        let exercises = pack.exercises.filter { only.isEmpty || only.contains($0.id) }
        onStage(.linting)
        let lint = PackLint(pack: pack)
        var general = only.isEmpty ? lint.orphans() : []
        if only.isEmpty {
            general += FormatLint(pack: pack, home: home, toolchain: toolchain).problems()
            general += TranslationLint(pack: pack).findings().map(\.description)
        }
        let overlays = OverlayLint(pack: pack)
        var problems: [String: [String]] = Dictionary(
            uniqueKeysWithValues: exercises.map { ($0.id, lint.problems(of: $0) + overlays.problems(of: $0)) }
        )
        let package = DevCheckPackage(pack: pack, home: home)
        let generated = try package.generate(exercises: exercises)
        for (id, found) in generated.problems { problems[id, default: []] += found }

        onStage(.building(nil))
        let built = try buildAll(
            package, products: generated.products, exercises: exercises, problems: &problems,
            general: &general, onStage: onStage)
        general += checkGraderLists(package, exercises: exercises, built: built)

        let verdicts = Verdicts()
        let grading = BoundedThreads()
        let total = exercises.count * 2
        for exercise in exercises {
            guard let module = pack.modules.first(where: { $0.id == exercise.moduleID }),
                built.contains(DevCheckPackage.graderProduct(module))
            else { continue }
            for kind in ["starter", "solution"] {
                let product =
                    kind == "starter"
                    ? DevCheckPackage.starterProduct(exercise) : DevCheckPackage.solutionProduct(exercise)
                guard built.contains(product) else { continue }
                let grader = package.binary(DevCheckPackage.graderProduct(module))
                let server = package.binary(product)
                let solution = DevCheckPackage.solutionProduct(exercise)
                let reference = built.contains(solution) ? package.binary(solution) : nil
                grading.submit {
                    let report = Self.grade(exercise, grader: grader, server: server, reference: reference)
                    verdicts.record(exercise.id, kind: kind, report: report)
                    onStage(.grading(done: verdicts.count, total: total))
                }
            }
        }
        grading.wait()
        return DevCheckResult(
            pack: pack.root.path,
            problems: general,
            exercises: exercises.map { exercise in
                var found = problems[exercise.id] ?? []
                let starter = verdicts.report(exercise.id, "starter")
                let solution = verdicts.report(exercise.id, "solution")
                if let starter {
                    switch starter.status {
                    case .pass:
                        found.append(
                            "The untouched starter PASSES every hidden check; it must fail at least one, or there is nothing to learn."
                        )
                    case .error:
                        found.append(
                            "The untouched starter's server does not run: \(starter.message ?? "no message"). A starter must start and fail a check."
                        )
                    case .fail: break
                    }
                }
                if let solution, solution.status != .pass {
                    let failure =
                        solution.firstFailure.map { "\"\($0.name)\": \($0.message ?? "")" }
                        ?? (solution.message ?? "")
                    found.append("The reference solution does not pass: \(failure)")
                }
                return DevCheckResult.ExerciseResult(
                    id: exercise.id, starter: starter?.status.rawValue, solution: solution?.status.rawValue,
                    problems: found)
            }
        )
    }

    /// Builds everything at once; when that fails, builds each product alone to say which failed.
    private func buildAll(
        _ package: DevCheckPackage, products: [String], exercises: [Exercise],
        problems: inout [String: [String]], general: inout [String],
        onStage: @escaping @Sendable (Stage) -> Void
    ) throws -> Set<String> {
        let modules = pack.modules.filter { $0.exercises.contains(where: exercises.contains) }
        let all = try toolchain.buildEverything(package: package.folder, timeout: .seconds(3600)) {
            onStage(.building($0))
        }
        general += testWarnings(
            in: all.diagnosticLines, modules: modules,
            cache: package.folder.appendingPathComponent("hidden-test-warnings.json"))
        if all.succeeded { return Set(products) }
        var built = Set<String>()
        for product in products {
            let outcome = try toolchain.build(
                package: package.folder, product: product, timeout: .seconds(1800)
            ) { onStage(.building($0)) }
            if outcome.succeeded {
                built.insert(product)
                continue
            }
            let summary = CompilerDiagnostics.summarize(
                outcome.output.text, replacing: [(package.folder.path + "/", "")], maxLines: 25)
            if let exercise = exercises.first(where: {
                product.hasSuffix("-" + $0.id) && !product.hasPrefix("grader-")
            }) {
                let kind = product.hasPrefix("starter-") ? "starter" : "solution"
                problems[exercise.id, default: []].append("The \(kind) does not compile:\n\(summary)")
            } else {
                general.append("The hidden tests in \(product) do not compile:\n\(summary)")
            }
        }
        return built
    }

    /// Compiler warnings in hidden tests are problems: a warning there has hidden a check that
    /// could never fail (an unused result, a deprecated call that does something else). A string
    /// literal where GraderKit wants `Words` warns too: that text has no Indonesian, which is a
    /// missing translation in a pack that declares Indonesian (and nothing in one that does not).
    ///
    /// The compiler prints a file's warnings only when it compiles that file, so the warnings of
    /// each hidden-test file are remembered (with the file's hash) between runs in the dev check's
    /// folder, and a second run reports what the first one saw.
    private func testWarnings(in lines: [String], modules: [Module], cache: URL) -> [String] {
        var seen: [String: [String]] = [:]
        for line in lines where line.contains(": warning: ") {
            for module in modules {
                let tests = FileSystem.canonicalPath(pack.testsFolder(of: module)) + "/"
                let shownFolder = "Lessons/\(module.path)/Tests/"
                let shown: String
                if line.hasPrefix(tests) {
                    shown = shownFolder + line.dropFirst(tests.count)
                } else if let linked = line.range(of: "/Graders/\(module.id)/") {
                    shown = shownFolder + line[linked.upperBound...]
                } else {
                    continue
                }
                let file = String(shown.prefix { $0 != ":" })
                if !(seen[file]?.contains(shown) ?? false) { seen[file, default: []].append(shown) }
            }
        }
        let remembered = WarningMemory.merge(seen, into: cache, root: pack.root)
        let translating = pack.languages.contains(.id)
        var problems: [String] = []
        for warning in remembered.values.flatMap({ $0 }).sorted() {
            if warning.contains(Self.missingIndonesianWarning) {
                if translating {
                    let place = warning.components(separatedBy: ": warning: ").first ?? warning
                    problems.append(
                        "Missing Bahasa Indonesia translation: \(place) (write Words(\"…\", id: \"…\"))")
                }
            } else {
                problems.append("A hidden test has a compiler warning: " + warning)
            }
        }
        return problems
    }

    /// What the compiler says where an English-only literal stands for `Words` (see `Words`).
    static let missingIndonesianWarning = "this text needs its Indonesian"

    /// Every exercise must have tests in its module's grader, and no grader may test an unknown id.
    private func checkGraderLists(_ package: DevCheckPackage, exercises: [Exercise], built: Set<String>)
        -> [String]
    {
        var problems: [String] = []
        for module in pack.modules where built.contains(DevCheckPackage.graderProduct(module)) {
            let binary = package.binary(DevCheckPackage.graderProduct(module))
            guard
                let result = try? ChildProcess.run(
                    executable: binary.path, arguments: ["--list"], timeout: .seconds(30)),
                let listed = try? JSONDecoder().decode([String].self, from: Data(result.output.text.utf8))
            else {
                problems.append("grader-\(module.id) --list did not print a JSON list of exercise ids.")
                continue
            }
            for exercise in module.exercises
            where exercises.contains(exercise) && !listed.contains(exercise.id) {
                problems.append(
                    "Exercise \"\(exercise.id)\" has no hidden tests: add its ExerciseTests to Lessons/\(module.path)/Tests/main.swift."
                )
            }
            for id in listed where !module.exercises.contains(where: { $0.id == id }) {
                problems.append(
                    "Lessons/\(module.path)/Tests declares tests for \"\(id)\", which is not an exercise of module \"\(module.id)\"."
                )
            }
        }
        return problems
    }

    /// Load checks compare with the reference solution, which the dev check has just built.
    private static func grade(_ exercise: Exercise, grader: URL, server: URL, reference: URL?)
        -> GradeReport
    {
        // Without a cancellation the run cannot be cancelled.
        (try? GraderInvocation.run(
            grader: grader, exercise: exercise.id, server: server, reference: reference,
            timeout: .seconds(300)))
            ?? GradeReport(exercise: exercise.id, status: .error, message: BuildError.cancelled.description)
    }

    private final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [String: GradeReport] = [:]
        func record(_ id: String, kind: String, report: GradeReport) {
            lock.withLock { reports["\(kind):\(id)"] = report }
        }
        func report(_ id: String, _ kind: String) -> GradeReport? {
            lock.withLock { reports["\(kind):\(id)"] }
        }
        var count: Int { lock.withLock { reports.count } }
    }
}
