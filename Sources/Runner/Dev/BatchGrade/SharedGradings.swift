import Grader
import Synchronization

/// The report of each distinct binary of a batch, graded once and given to every workspace that
/// built to it.
///
/// A class is mostly the same few sources, and `SharedBuilds` builds each to one binary; grading
/// that binary again for each of the 10 learners who submitted it would run the same checks
/// against the same code 10 times. The hidden tests are deterministic (a check that gives two
/// verdicts for one binary is a flaky check, which the dev check is there to reject), so the first
/// grading's report is each of them's report.
final class SharedGradings: Sendable {
    private enum Entry {
        case grading(waiting: [@Sendable (GradeReport) -> Void])
        case graded(GradeReport)
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Hands `finish` the report of the binary `key` once it is known. Returns true when the caller
    /// is the first to ask: it must grade the binary and pass the report to ``graded(_:_:)``, which
    /// also calls its `finish`.
    func join(_ key: String, finish: @escaping @Sendable (GradeReport) -> Void) -> Bool {
        let (first, known) = entries.withLock { entries -> (Bool, GradeReport?) in
            switch entries[key] {
            case nil:
                entries[key] = .grading(waiting: [finish])
                return (true, nil)
            case .grading(let waiting):
                entries[key] = .grading(waiting: waiting + [finish])
                return (false, nil)
            case .graded(let report):
                return (false, report)
            }
        }
        if let known { finish(known) }
        return first
    }

    /// The report of `key`: every `finish` waiting for it is called, and later ones at once.
    func graded(_ key: String, _ report: GradeReport) {
        let waiting = entries.withLock { entries -> [@Sendable (GradeReport) -> Void] in
            defer { entries[key] = .graded(report) }
            if case .grading(let waiting) = entries[key] { return waiting }
            return []
        }
        for finish in waiting { finish(report) }
    }
}
