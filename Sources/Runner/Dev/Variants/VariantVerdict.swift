import Foundation
import Grader

/// Judges a variant's grading run against the check it names.
///
/// "Caught at X" means X is the first check, in the order they ran, that failed or errored. Checks
/// reported as not run (skipped after an earlier failure, or because the server could not answer)
/// never count as catching anything: a check that did not run caught nothing. A run in which no
/// check could run at all (the server did not start) tests no check, so it is the variant's own
/// problem, as is a variant that does not compile.
enum VariantVerdict {
    /// How many of a server's last output lines explain why it did not start: the line is one
    /// of many in the dev check's output.
    static let outputLinesShown = 6

    /// - Parameter checkNames: the exercise's checks in order (from the solution's run).
    static func judge(_ variant: Variant, report: GradeReport, checkNames: [String]) -> VariantResult {
        var result = base(variant)
        result.gradeSeconds = report.duration
        guard checkNames.contains(variant.caughtBy) else {
            return unknownCheck(variant, checkNames: checkNames)
        }
        if report.status == .error {
            let message = (report.message ?? "no message").split(separator: "\n").prefix(6)
                .joined(separator: "\n")
            let output =
                (report.checks.first?.serverLog ?? report.serverLog)?.lastLines(outputLinesShown) ?? []
            let printed =
                output.isEmpty
                ? "" : "\nIts last lines of output:\n" + output.map { "    " + $0 }.joined(separator: "\n")
            result.outcome = .serverDidNotRun
            result.line =
                "\(variant.label): its server does not start, so it tests no check: \(message)\(printed)"
            return result
        }
        guard let first = report.checks.first(where: { $0.status == .fail || $0.status == .error }) else {
            result.outcome = .passed
            result.line =
                "\(variant.label) passes every check; \"\(variant.caughtBy)\" must fail for it "
                + "(the mistake: \(variant.description))"
            return result
        }
        result.failedFirst = first.name
        if first.name == variant.caughtBy {
            result.outcome = .caught
            result.line = "\(variant.label) caught by \"\(variant.caughtBy)\""
            return result
        }
        let named = report.checks.first { $0.name == variant.caughtBy }
        let state: String
        switch named?.status {
        case .pass: state = "which passes"
        case .skipped: state = "which was not run"
        case .fail, .error: state = "which fails too"
        case nil: state = "which did not run"
        }
        let message = (first.message ?? "").split(separator: "\n").first.map(String.init) ?? ""
        result.outcome = .caughtByAnotherCheck
        result.line =
            "\(variant.label) fails first at \"\(first.name)\", not at \"\(variant.caughtBy)\" "
            + "(\(state))\(message.isEmpty ? "" : ": " + message)"
        return result
    }

    static func doesNotCompile(_ variant: Variant, errors: String) -> VariantResult {
        var result = base(variant)
        result.outcome = .doesNotCompile
        result.line = "\(variant.label) does not compile, so it tests no check:\n\(errors)"
        return result
    }

    static func notChecked(_ variant: Variant) -> VariantResult {
        var result = base(variant)
        result.outcome = .notChecked
        result.line =
            "\(variant.label) not checked: the reference solution of \(variant.exercise.id) must build and "
            + "pass first."
        return result
    }

    static func unknownCheck(_ variant: Variant, checkNames: [String]) -> VariantResult {
        var result = base(variant)
        result.outcome = .unknownCheck
        var closest = Suggestions.closest(to: variant.caughtBy, among: checkNames)
        if closest.isEmpty {
            closest = checkNames.enumerated()
                .map { (Suggestions.distance(variant.caughtBy.lowercased(), $1.lowercased()), $0, $1) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.2)
        }
        result.line =
            "\(variant.label): caughtBy in \(variant.shownFolder)/\(Variant.descriptionFile) names no check "
            + "of \(variant.exercise.id): \"\(variant.caughtBy)\"."
            + (Suggestions.didYouMean(closest).map { " " + $0 } ?? "")
        return result
    }

    private static func base(_ variant: Variant) -> VariantResult {
        VariantResult(
            name: variant.label, description: variant.description, caughtBy: variant.caughtBy,
            outcome: .notChecked, failedFirst: nil, line: variant.label, gradeSeconds: nil)
    }
}
