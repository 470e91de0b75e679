/// Resource limits for a child process, so a runaway program gets a clear verdict ("used more than
/// 1024 MiB of memory") instead of slowing the machine down until something crashes.
public struct ProcessLimits: Sendable, Equatable {
    /// `RLIMIT_AS`, set with `prlimit` right after the spawn (Linux only). Allocations beyond it fail,
    /// which a Swift program turns into a crash. Inherited by the child's own children. `nil`: no cap.
    public var addressSpaceBytes: UInt64?
    /// The resident memory of the child (from `/proc/<pid>/statm`, checked ten times a second) above
    /// which the whole process group is killed and `ChildProcess.limitViolation` is set. `nil`: no watch.
    public var residentMemoryBytes: UInt64?

    public init(addressSpaceBytes: UInt64? = nil, residentMemoryBytes: UInt64? = nil) {
        self.addressSpaceBytes = addressSpaceBytes
        self.residentMemoryBytes = residentMemoryBytes
    }

    /// No limits: for trusted tools such as `swift build`, whose compiler may need more memory than a
    /// mini-backend ever should.
    public static let none = ProcessLimits()

    /// For a learner's server: 4 GiB of address space, 1 GiB resident.
    public static let learnerServer = ProcessLimits(
        addressSpaceBytes: 4 << 30,
        residentMemoryBytes: 1 << 30
    )
}

/// A limit the grader enforced by killing the child.
public enum LimitViolation: Sendable, Equatable, CustomStringConvertible {
    /// The resident memory went over `limitBytes`.
    case residentMemory(limitBytes: UInt64)

    /// "used more than 200 MiB of memory"
    public var description: String {
        switch self {
        case .residentMemory(let limit):
            return Words(
                "used more than \(limit >> 20) MiB of memory",
                id: "memakai lebih dari \(limit >> 20) MiB memori"
            ).text
        }
    }
}
