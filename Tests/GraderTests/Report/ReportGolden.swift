import Foundation
import Testing

/// Golden files: the exact bytes a renderer is expected to produce, stored under `Golden/` next to
/// this file, so any change to what a learner sees shows up as a diff in review.
///
/// After an intended change, rewrite them instead of comparing by running the tests with
/// `UPDATE_GOLDEN=1` set, for example
///
///     UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests
///
/// and then read every changed file by eye (`git diff Tests/GraderTests/Report/Golden`) before
/// committing: a golden file is only as good as the review it got.
enum ReportGolden {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` byte for byte (or rewrites it when updating).
    static func expect(
        _ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = directory.appending(path: name)
        if isUpdating {
            do {
                try Data(actual.utf8).write(to: url, options: .atomic)
            } catch {
                Issue.record("Could not write golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "Golden file \(name) is missing. Run with UPDATE_GOLDEN=1 to create it, then review it.",
                sourceLocation: sourceLocation
            )
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected || data != Data(actual.utf8) else { return }
        let explanation =
            "Output differs from golden file \(name) (UPDATE_GOLDEN=1 rewrites it).\n"
            + firstDifference(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: explanation), sourceLocation: sourceLocation)
    }

    /// The first line that differs, both ways, with invisible characters made visible.
    static func firstDifference(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want =
                index < expectedLines.count ? String(expectedLines[index]).debugDescription : "(no line)"
            let got = index < actualLines.count ? String(actualLines[index]).debugDescription : "(no line)"
            if want != got { return "Line \(index + 1):\n  expected \(want)\n  actual   \(got)" }
        }
        return "The texts differ in bytes that do not show line by line."
    }
}
