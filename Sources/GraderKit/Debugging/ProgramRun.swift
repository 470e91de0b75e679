import Grader

/// How a run of the learner's program in a mode of its own ended (`t.runLearnerProgram`): a
/// regression test the learner wrote, a maintenance command, a migration run by hand.
public struct ProgramRun: Sendable {
    public let status: ExitStatus
    /// Everything it printed, stdout and stderr together, capped like a server's output.
    public let output: String
    /// The command as a learner would type it, for messages: `Warung --regression-test http://…`.
    public let command: String

    /// `true` when it exited with status 0.
    public var succeeded: Bool { status.isSuccess }
}
