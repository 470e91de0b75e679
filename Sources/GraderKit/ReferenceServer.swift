/// The reference solution's server, for checks that compare the learner's server with it in the
/// same run (a load check's latency ratio). Given to a grader with `--reference PATH`.
public struct ReferenceServer: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]

    public init(executable: String, arguments: [String] = []) {
        self.executable = executable
        self.arguments = arguments
    }
}
