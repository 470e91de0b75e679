/// The grader's and the runner's one conversion of `Duration` into the units APIs take.
extension Duration {
    /// The duration as a number of seconds, for APIs that take a `TimeInterval` or a `poll` timeout.
    public var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// "1 second", "10 seconds", "0.5 seconds": for messages a learner reads.
    public var spokenSeconds: String {
        let value = timeInterval
        if value == value.rounded(), abs(value) < 1e9 {
            let whole = Int(value)
            return whole == 1
                ? Words("1 second", id: "1 detik").text : Words("\(whole) seconds", id: "\(whole) detik").text
        }
        return Words("\(value) seconds", id: "\(value) detik").text
    }

    /// The duration in whole nanoseconds (negative durations count as zero), for timers that take them.
    public var wholeNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
