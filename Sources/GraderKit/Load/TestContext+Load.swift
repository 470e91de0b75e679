import Foundation
import Grader

/// Open-loop load against the learner's server, alone or next to the reference solution.
///
/// ```swift
/// Check("GET /books stays fast under 300 requests per second", timeout: .seconds(20)) { t in
///     try t.compareLoad(.get("/books?limit=20"), plan: LoadPlan(rate: 300, duration: .seconds(3)))
///         .expectNoErrors()
///         .expectP99(atMost: 3)
/// }
/// ```
extension TestContext {
    /// Sends `request` at `plan.rate` for `plan.duration` (after `plan.warmup`) to the main server.
    public func load(_ request: LoadRequest, plan: LoadPlan) throws -> LoadResult {
        try plan.validate()
        let port = try runningPort()
        return try Self.measuringAgainWhenBehind {
            Self.warmUp(port: port, request: request, plan: plan)
            return try Self.checked(
                LoadResult(plan: plan, runs: [Self.slice(port, request, plan, plan.duration)]))
        }
    }

    /// Measures the reference solution and the learner's server with the same plan, in
    /// alternating slices (reference, learner, reference, learner…) so that whatever else the
    /// machine does at the time weighs on both alike. `prepare` runs first against each (through
    /// its own client) to create the data both need.
    public func compareLoad(
        _ request: LoadRequest, plan: LoadPlan, prepare: (@Sendable (HTTPClient) throws -> Void)? = nil
    ) throws -> LoadComparison {
        try plan.validate(runs: 2)
        let reference = try referenceInstance()
        try prepare?(try referenceHTTP())
        let port = try runningPort()
        try prepare?(http)
        return try Self.measuringAgainWhenBehind {
            Self.warmUp(port: reference.port, request: request, plan: plan)
            Self.warmUp(port: port, request: request, plan: plan)
            let slice = plan.duration / Self.comparisonSlices
            var referenceRuns: [LoadRun] = []
            var learnerRuns: [LoadRun] = []
            for _ in 0..<Self.comparisonSlices {
                referenceRuns.append(Self.slice(reference.port, request, plan, slice))
                learnerRuns.append(Self.slice(port, request, plan, slice))
            }
            return LoadComparison(
                learner: try Self.checked(LoadResult(plan: plan, runs: learnerRuns)),
                reference: try Self.checked(LoadResult(plan: plan, runs: referenceRuns)))
        }
    }

    /// A measurement in which the generator fell behind its schedule measured the machine (a build
    /// or a browser busy on the learner's laptop, the rest of a test suite), not the server: it is
    /// taken again, a little later, before the check gives up with the cause.
    static func measuringAgainWhenBehind<T>(_ measure: () throws -> T) throws -> T {
        for attempt in 1... {
            do {
                return try measure()
            } catch let failure as CheckFailure
                where failure.isGeneratorBehind && attempt < measurementAttempts
            {
                Thread.sleep(forTimeInterval: pauseBeforeMeasuringAgain.timeInterval)
            }
        }
        fatalError("unreachable: the last attempt returns or throws")
    }

    /// At most this many measurements per load call: a plan takes at most 8 s, so both fit in a
    /// check with a 20-second timeout, as Docs/AUTHORING.md asks of load checks.
    static let measurementAttempts = 2
    static let pauseBeforeMeasuringAgain: Duration = .milliseconds(500)

    /// How many alternating slices a comparison measures per server.
    static let comparisonSlices = 4

    static func warmUp(port: Int, request: LoadRequest, plan: LoadPlan) {
        guard plan.warmup > .zero else { return }
        _ = LoadEngine(port: port, request: request, plan: plan).run(duration: plan.warmup)
    }

    static func slice(_ port: Int, _ request: LoadRequest, _ plan: LoadPlan, _ duration: Duration) -> LoadRun
    {
        LoadEngine(port: port, request: request, plan: plan).run(duration: duration)
    }

    /// Refuses results where the generator fell behind its own schedule: they would measure the
    /// grader's machine, not the server.
    static func checked(_ result: LoadResult) throws -> LoadResult {
        if result.sendLateness.p50 > maxGeneratorLateness {
            throw CheckFailure.generatorBehind(
                LoadError.generatorFellBehind(rate: result.plan.rate, lateness: result.sendLateness.p50)
                    .description
                    + " "
                    + Words(
                        "This is a problem in the lesson pack, not in your code.",
                        id: "Ini masalah di paket pelajaran, bukan di kodemu."
                    ).text)
        }
        return result
    }

    /// Beyond this median lateness the generator's own schedule has slipped.
    static let maxGeneratorLateness: Duration = .milliseconds(5)
}

extension CheckFailure {
    /// The load generator could not keep its own schedule: the machine, not the server.
    static func generatorBehind(_ message: String) -> CheckFailure {
        var failure = CheckFailure(message)
        failure.isGeneratorBehind = true
        return failure
    }
}
