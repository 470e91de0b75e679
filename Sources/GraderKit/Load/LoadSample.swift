/// One request of a load run, with its three moments in nanoseconds since the run's start: when
/// it was due on the schedule, when it was actually written, and when its answer was complete.
/// Kept only when asked for (`keepSamples`), to verify the generator from the raw timestamps.
public struct LoadSample: Sendable, Equatable {
    public let index: Int
    public let intended: UInt64
    public let sent: UInt64
    /// `nil` for a request that failed or was never answered.
    public let completed: UInt64?
    public let status: Int?
}
