import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The mark every spawned process carries in its environment, so the processes a child left behind
/// can be found after it is gone (even when they left its process group).
///
/// Ids nest: a child started by a process that itself carries `BACKENDLINGS_RUN_ID=r1` gets
/// `r1/<new>`. So when the runner sweeps away a grader it stopped, it also finds the learner's server
/// that grader had started, even if the grader was killed before it could clean up.
struct RunID: Sendable, Equatable, CustomStringConvertible {
    static let variableName = "BACKENDLINGS_RUN_ID"

    let value: String

    var description: String { value }

    /// A fresh id, nested under this process's own id when it has one.
    static func make() -> RunID {
        let number = counter.next()
        let random = UInt32.random(in: 0...UInt32.max)
        let own = "\(getpid())-\(number)-" + String(random, radix: 16)
        if let parent = getenv(variableName).map({ String(cString: $0) }), !parent.isEmpty {
            return RunID(value: parent + "/" + own)
        }
        return RunID(value: own)
    }

    /// Whether a process whose environment holds `BACKENDLINGS_RUN_ID=other` belongs to this run.
    func covers(_ other: String) -> Bool {
        other == value || other.hasPrefix(value + "/")
    }

    private static let counter = Counter()
}

/// A thread-safe increasing number.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
