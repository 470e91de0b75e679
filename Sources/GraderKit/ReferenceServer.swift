/// A program the grader runs beside the learner's server: the reference solution, for checks that
/// compare with it in the same run (a load check's latency ratio; `--reference PATH`), or the
/// exercise's untouched starter, for checks that run something against the unfixed code
/// (`--starter PATH`).
public struct ReferenceServer: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]

    public init(executable: String, arguments: [String] = []) {
        self.executable = executable
        self.arguments = arguments
    }
}
