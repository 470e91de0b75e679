#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects the paths of a burst of changes and says when the burst is over.
///
/// A burst ends when no change arrived for `quietPeriod`, or `maximumDelay` after it began (so a file
/// rewritten every 100 ms is still reported). Times are monotonic nanoseconds, passed in, so the
/// logic is tested without waiting.
struct FileWatcherDebouncer: Sendable {
    let quietPeriod: UInt64
    let maximumDelay: UInt64
    private(set) var pending: Set<String> = []
    private var firstChange: UInt64 = 0
    private var lastChange: UInt64 = 0

    init(quietPeriod: UInt64, maximumDelay: UInt64) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    mutating func record(_ paths: some Sequence<String>, at now: UInt64) {
        let before = pending.count
        var sawAny = false
        for path in paths {
            pending.insert(path)
            sawAny = true
        }
        guard sawAny else { return }
        if before == 0 { firstChange = now }
        lastChange = now
    }

    /// When the current burst will be due, or `nil` when nothing is pending.
    var deadline: UInt64? {
        guard !pending.isEmpty else { return nil }
        return min(lastChange + quietPeriod, firstChange + maximumDelay)
    }

    /// The burst's paths if it is over at `now` (and forgets them), else `nil`.
    mutating func takeIfDue(at now: UInt64) -> Set<String>? {
        guard let deadline, now >= deadline else { return nil }
        defer { pending.removeAll() }
        return pending
    }

    /// Monotonic time in nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
