import Foundation
import Grader
import Runner

/// The dev check's findings as the terminal shows them: one line per exercise with its problems
/// below it, one line per variant (caught, or what happened instead), then the totals.
struct DevCheckText {
    let style: OutputStyle

    func render(_ result: DevCheckResult, packName: String) -> String {
        var text =
            style.bold("dev check") + " · \(packName) · \(result.exercises.count) exercises"
            + (result.variantCount > 0 ? ", \(result.variantCount) variants" : "") + "\n\n"
        for problem in result.problems { text += failed + " " + problem + "\n" }
        for exercise in result.exercises {
            let clean = exercise.problems.isEmpty && !exercise.variants.contains(where: \.isProblem)
            let caught = exercise.variants.filter { $0.outcome == .caught }.count
            let variants =
                exercise.variants.isEmpty ? "" : ", variants: \(caught) of \(exercise.variants.count) caught"
            text +=
                "\(clean ? done : failed) \(exercise.id)"
                + style.dim(
                    "  starter: \(exercise.starter ?? "not run"), solution: \(exercise.solution ?? "not run")"
                        + variants) + "\n"
            for problem in exercise.problems { text += indented(problem, first: "    - ", rest: "      ") }
            for variant in exercise.variants {
                let mark = variant.isProblem ? failed : done
                text += indented(variant.line, first: "    \(mark) ", rest: "      ")
            }
        }
        let seconds = Int((result.buildSeconds + result.gradeSeconds).rounded())
        text +=
            "\n"
            + style.dim(
                "Built in \(Int(result.buildSeconds.rounded())) s, graded in \(Int(result.gradeSeconds.rounded())) s (\(seconds) s)."
            ) + "\n"
        let count = result.problemCount
        text +=
            result.ok
            ? style.success("The pack is ready.") + "\n"
            : style.failure("\(count) problem\(count == 1 ? "" : "s") to fix.") + "\n"
        return text
    }

    private var done: String { style.success(style.symbol(.done)) }
    private var failed: String { style.failure(style.symbol(.failed)) }

    private func indented(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            ($0.offset == 0 ? first : rest) + $0.element
        }.joined(separator: "\n") + "\n"
    }
}
