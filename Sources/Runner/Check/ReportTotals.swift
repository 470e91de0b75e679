import Foundation
import Grader

/// What `check --json` prints: the grade report with its totals, `score` and `maxScore`, beside its
/// checks, so a script or editor needs no sum of its own (an exercise whose code does not build
/// scores 0 of all its points here too).
public struct ReportTotals: Encodable, Sendable {
    public let report: GradeReport

    public init(_ report: GradeReport) { self.report = report }

    private enum TotalKeys: String, CodingKey { case score, maxScore }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        // The report's own keyed container, with two more keys.
        var totals = encoder.container(keyedBy: TotalKeys.self)
        try totals.encode(report.score, forKey: .score)
        try totals.encode(report.maxScore, forKey: .maxScore)
    }

    /// Pretty-printed with sorted keys, as every JSON this tool prints.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
