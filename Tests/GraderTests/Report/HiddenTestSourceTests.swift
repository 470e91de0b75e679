import Foundation
import Testing

@testable import Grader

/// Hidden tests stay hidden: no output may carry test source, only what the checks reported.
struct HiddenTestSourceTests {
    typealias F = ReportFixtures

    /// Every output of every fixture run.
    static func allOutputs() throws -> [String] {
        let runs = [F.passingRun(), F.failingRun(), F.erroringRun(), F.compilerErrorRun()]
        var outputs: [String] = []
        for run in runs {
            outputs.append(
                TextReportRenderer(style: PlainTextStyle(), showsDurations: true).render(run, title: "T"))
            outputs.append(TextReportRenderer(style: UnicodeTextStyle()).render(run))
            outputs.append(String(decoding: try ExercismResults(report: run).jsonData(), as: UTF8.self))
            outputs.append(JUnitReport.render(run))
        }
        return outputs
    }

    /// Text that appears in hidden test files (Swift using GraderKit) and nowhere in a report.
    static let sourceMarkers = [
        "import GraderKit", "import Grader", "ExerciseTests", "func ", "try client.", "requireEqual(",
        "#expect", "Check(", "@Test",
    ]

    @Test func noOutput_containsTestSource() throws {
        let outputs = try Self.allOutputs()
        for marker in Self.sourceMarkers {
            #expect(!outputs.contains { $0.contains(marker) }, "an output contains \(marker)")
        }
    }

    @Test func onlyTheLearnersOwnFiles_appearInFileReferences() throws {
        // The compiler output names the learner's BookStore.swift; nothing may name a hidden test file.
        func count(_ needle: String, in text: String) -> Int {
            text.components(separatedBy: needle).count - 1
        }
        let outputs = try Self.allOutputs()
        let references = outputs.map { count(".swift:", in: $0) }.reduce(0, +)
        #expect(references > 0, "the compiler fixture must name a file, or this test proves nothing")
        #expect(references == outputs.map { count("/01-schema/BookStore.swift:", in: $0) }.reduce(0, +))
    }

    @Test func testCode_inResultsJSON_isRequestLinesOrTheCheckName_neverTestSource() throws {
        var report = F.failingRun()
        report.checks[0].requests = ["GET /books"]
        let codes = (ExercismResults(report: report).tests ?? []).compactMap(\.testCode)
        #expect(codes.count == report.checks.count)
        let requestLine = #/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+$/#
        for (code, check) in zip(codes, report.checks) {
            for line in code.split(separator: "\n") {
                #expect(
                    line.wholeMatch(of: requestLine) != nil || line.hasSuffix("It checks: \(check.name)"),
                    "\(line)")
            }
        }
    }
}
