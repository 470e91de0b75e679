/// The open-loop load generator on its own, for tools and benchmarks outside a check (see
/// `Scripts/bench-load`): the same engine as `t.load`, pointed at any port on 127.0.0.1.
public enum LoadGenerator {
    /// The longest run a tool may ask for.
    public static let toolBudget: Duration = .seconds(120)

    /// Validates `plan`, warms up, and measures; with `keepSamples`, the result carries every
    /// request's timestamps for verification.
    public static func run(port: Int, request: LoadRequest, plan: LoadPlan, keepSamples: Bool = false) throws
        -> LoadResult
    {
        try plan.validate(budget: toolBudget)
        if plan.warmup > .zero {
            _ = LoadEngine(port: port, request: request, plan: plan).run(duration: plan.warmup)
        }
        let run = LoadEngine(port: port, request: request, plan: plan).run(
            duration: plan.duration, keepSamples: keepSamples)
        return LoadResult(plan: plan, runs: [run], keepSamples: keepSamples)
    }
}
