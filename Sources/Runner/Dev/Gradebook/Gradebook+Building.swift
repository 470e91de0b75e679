import Foundation
import Grader

extension Gradebook {
    /// The gradebook of a batch: `results[i]` graded the workspace at `folders[i]`, whose
    /// `.backendlings/progress.json` is read (never written, never locked, never moved aside: it is
    /// someone else's record) for attempts, first-pass time and hints. A workspace without a
    /// readable record shows zeros there, and its scores all the same.
    public static func reading(
        pack: Pack, results: [BatchGrade.WorkspaceResult], folders: [URL], language: Language
    ) -> Gradebook {
        let records = folders.map { folder -> LearnerProgress? in
            let file = folder.appendingPathComponent(".backendlings/progress.json")
            guard let data = try? Data(contentsOf: file),
                case .success(let progress) = ProgressCoding.decode(data)
            else { return nil }
            return progress
        }
        return Gradebook(pack: pack, results: results, progress: records, language: language)
    }

    /// Columns are the pack's exercises that some learner was graded on, in pack order; rows are the
    /// learners in the order they were graded. `progress[i]` belongs to `results[i]`.
    public init(
        pack: Pack, results: [BatchGrade.WorkspaceResult], progress: [LearnerProgress?], language: Language
    ) {
        let graded = Set(results.flatMap { $0.exercises.map(\.exercise) })
        let modules = pack.modules.compactMap { module -> ModuleColumns? in
            let columns = module.exercises.filter { graded.contains($0.id) }.map {
                ExerciseColumn(id: $0.id, title: $0.title(in: language))
            }
            return columns.isEmpty
                ? nil : ModuleColumns(id: module.id, title: module.title(in: language), exercises: columns)
        }
        let rows = results.enumerated().map { index, result in
            Self.row(
                result, progress: index < progress.count ? progress[index] : nil, modules: modules, pack: pack
            )
        }
        self.init(
            language: language, packName: pack.name, modules: modules, rows: rows,
            stuck: Self.stuck(results: results, modules: modules))
    }

    private static func row(
        _ result: BatchGrade.WorkspaceResult, progress: LearnerProgress?, modules: [ModuleColumns], pack: Pack
    ) -> Row {
        guard result.problem == nil else {
            return Row(
                learner: result.workspace, problem: result.problem, cells: [],
                moduleTotals: modules.map { _ in Score(score: 0, maxScore: 0) },
                total: Score(score: 0, maxScore: 0))
        }
        let byID = Dictionary(
            result.exercises.map { ($0.exercise, $0) }, uniquingKeysWith: { first, _ in first })
        var cells: [Cell] = []
        var totals: [Score] = []
        for module in modules {
            var total = Score(score: 0, maxScore: 0)
            for column in module.exercises {
                let cell = Self.cell(
                    column.id, result: byID[column.id], progress: progress,
                    hintsTotal: pack.exercise(id: column.id)?.hints.count ?? 0)
                total.score += cell.score.score
                total.maxScore += cell.score.maxScore
                cells.append(cell)
            }
            totals.append(total)
        }
        return Row(
            learner: result.workspace, problem: nil, cells: cells, moduleTotals: totals,
            total: Score(
                score: totals.reduce(0) { $0 + $1.score }, maxScore: totals.reduce(0) { $0 + $1.maxScore }))
    }

    private static func cell(
        _ id: String, result: BatchGrade.ExerciseResult?, progress: LearnerProgress?, hintsTotal: Int
    ) -> Cell {
        let state = progress?.state(of: id) ?? ExerciseProgress()
        let failing = result?.checks.first { $0.status == "fail" || $0.status == "error" }
        return Cell(
            exercise: id, status: result?.status ?? "missing",
            score: Score(score: result?.score ?? 0, maxScore: result?.maxScore ?? 0),
            attempts: state.attempts, firstPassSeconds: progress?.secondsUntilFirstPass(of: id),
            hintsShown: min(state.hintsShown, hintsTotal), hintsTotal: hintsTotal,
            failingCheck: result?.status == "pass" ? nil : failing?.name,
            failingMessage: result?.status == "pass" ? nil : failing?.message ?? result?.message)
    }

    /// For each exercise some learner does not pass: how many learners fail each check, most
    /// failed first (ties in the grader's order). Skipped checks (code that did not build) count
    /// as failing: the learner has not got past them.
    private static func stuck(results: [BatchGrade.WorkspaceResult], modules: [ModuleColumns])
        -> [StuckExercise]
    {
        modules.flatMap(\.exercises).compactMap { column in
            let runs = results.filter { $0.problem == nil }.compactMap { result in
                result.exercises.first { $0.exercise == column.id }
            }
            let passing = runs.filter { $0.status == "pass" }.count
            guard passing < runs.count else { return nil }
            var order: [String] = []
            var counts: [String: StuckCheck] = [:]
            for run in runs {
                for check in run.checks {
                    if counts[check.name] == nil {
                        order.append(check.name)
                        counts[check.name] = StuckCheck(name: check.name, failing: 0, example: nil)
                    }
                    guard check.status != "pass" else { continue }
                    counts[check.name]?.failing += 1
                    if counts[check.name]?.example == nil {
                        counts[check.name]?.example = check.message ?? run.message
                    }
                }
            }
            // Spelled out: as one chained expression this took the type checker about 4 s.
            let ranked: [(position: Int, check: StuckCheck)] = order.enumerated().compactMap {
                (position: Int, name: String) -> (position: Int, check: StuckCheck)? in
                guard let check = counts[name] else { return nil }
                return (position, check)
            }
            let checks: [StuckCheck] = ranked.sorted { first, second in
                first.check.failing != second.check.failing
                    ? first.check.failing > second.check.failing : first.position < second.position
            }.map(\.check)
            return StuckExercise(
                exercise: column.id, title: column.title, passing: passing, graded: runs.count, checks: checks
            )
        }
    }
}
