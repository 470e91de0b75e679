import Grader

/// How much load to send: a constant arrival rate for a duration, over at most `connections`
/// connections, each request with a `timeout`. Checked before anything is sent.
public struct LoadPlan: Sendable, Equatable {
    /// The most requests per second one load run may ask for: above it, the generator (one thread
    /// sharing the machine with the server) would measure itself instead of the server.
    public static let maxRate: Double = 20_000
    /// The fewest requests in a run for its 99th percentile to mean something.
    public static let minRequests = 100
    /// The most a load check may spend sending, warm-ups included (the budget: 10 s in all).
    public static let budget: Duration = .seconds(8)

    /// Requests per second, spread evenly: request i is due at start + i / rate.
    public var rate: Double
    public var duration: Duration
    /// The most connections open at once; requests due while all are busy wait for one (and that
    /// wait counts in their latency, as it would for a real client).
    public var connections: Int
    /// A request unanswered this long after it was sent counts as a timeout error.
    public var timeout: Duration
    /// Sent before the measured run and not counted: connections open, caches and the JIT-less
    /// server's first-use costs settle.
    public var warmup: Duration

    public init(
        rate: Double, duration: Duration, connections: Int = 32, timeout: Duration = .seconds(1),
        warmup: Duration = .milliseconds(300)
    ) {
        self.rate = rate
        self.duration = duration
        self.connections = connections
        self.timeout = timeout
        self.warmup = warmup
    }

    /// How many requests the measured run schedules.
    public var requestCount: Int { Int((rate * duration.timeInterval).rounded(.down)) }

    /// Throws the `LoadError` that says what is impossible about this plan; `runs` is how many
    /// servers one check measures with it (2 when comparing with the reference). Tools outside a
    /// check may allow a longer `budget`.
    public func validate(runs: Int = 1, budget: Duration = LoadPlan.budget) throws(LoadError) {
        guard rate.isFinite, rate > 0 else { throw .invalidRate(rate) }
        guard rate <= Self.maxRate else { throw .rateTooHigh(rate, maximum: Self.maxRate) }
        guard duration > .zero, warmup >= .zero else { throw .invalidDuration(duration) }
        let total = (duration + warmup) * runs
        guard total <= budget else { throw .overBudget(total: total, runs: runs, budget: budget) }
        guard requestCount >= Self.minRequests else {
            throw .tooFewRequests(requestCount, rate: rate, duration: duration)
        }
        guard (1...512).contains(connections) else { throw .invalidConnections(connections) }
        guard timeout > .zero, timeout <= .seconds(5) else { throw .invalidTimeout(timeout) }
    }
}
