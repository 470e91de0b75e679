import Grader

/// A load plan that cannot be run, or a run that could not measure what it was asked to; each
/// message names the cause for the test author.
public enum LoadError: Error, Equatable, CustomStringConvertible {
    case invalidRate(Double)
    case rateTooHigh(Double, maximum: Double)
    case invalidDuration(Duration)
    case overBudget(total: Duration, runs: Int, budget: Duration)
    case tooFewRequests(Int, rate: Double, duration: Duration)
    case invalidConnections(Int)
    case invalidTimeout(Duration)
    /// The generator itself could not keep the schedule on this machine.
    case generatorFellBehind(rate: Double, lateness: Duration)
    case noReference

    public var description: String {
        switch self {
        case .invalidRate(let rate):
            "A load of \(LoadResult.format(rate)) requests per second is not a rate; give a number above 0."
        case .rateTooHigh(let rate, let maximum):
            "A load of \(LoadResult.format(rate)) requests per second is more than the grader's load generator can send (at most \(LoadResult.format(maximum))/s); it would measure itself, not the server. Lower the rate."
        case .invalidDuration(let duration):
            "A load run of \(duration) is not possible; give a duration above 0 and a warm-up of 0 or more."
        case .overBudget(let total, let runs, let budget):
            "This load check would send for \(total.spokenSeconds) (\(runs) run(s) of warm-up plus duration), over the \(budget.spokenSeconds) a load check may take. Shorten the duration or the warm-up."
        case .tooFewRequests(let count, let rate, let duration):
            "\(LoadResult.format(rate)) requests per second for \(duration.spokenSeconds) is only \(count) requests; a 99th percentile needs at least \(LoadPlan.minRequests). Raise the rate or the duration."
        case .invalidConnections(let count):
            "A load run needs 1 to 512 connections, not \(count)."
        case .invalidTimeout(let timeout):
            "A load run's request timeout must be above 0 and at most 5 seconds, not \(timeout)."
        case .generatorFellBehind(let rate, let lateness):
            "The grader could not send \(LoadResult.format(rate)) requests per second on this machine: it fell \(LoadResult.milliseconds(lateness)) behind its own schedule, so its latencies would be its own. The check's rate is too high for this machine; lower it."
        case .noReference:
            "This check compares your server with the reference solution, but the grader was started without --reference PATH. This is a problem in the lesson pack, not in your code: the exercise needs \"comparesWithReference\": true in pack.json, so the reference solution is built and passed."
        }
    }
}
