import Foundation

/// The one clock a mini-backend reads the time from: `request.now`, or a `ServerClock` handed to
/// the code that needs it.
///
/// Code that calls `Date()` itself can only be tested by waiting. Code that reads a clock it was
/// given can be tested in an instant: a test hands it `.fixed(...)`, and the grader moves the
/// server's clock forward (`BACKENDKIT_CLOCK_OFFSET_FILE`) to see that a session expires after 15
/// idle minutes without waiting 15 minutes. Timeouts and deadlines keep using real, monotonic time
/// (`ContinuousClock`); this clock is for the time of day a backend stores and compares.
///
/// ```swift
/// struct Sessions {
///     let clock: ServerClock          // .system in main.swift, .fixed(...) in your own tests
///     func isExpired(lastSeen: Date) -> Bool { clock.now.timeIntervalSince(lastSeen) > 15 * 60 }
/// }
/// ```
public struct ServerClock: Sendable {
    private let read: @Sendable () -> Date
    /// `true` for the plain system clock without a grader's offset, so hot paths can skip work.
    let isRealTime: Bool

    /// A clock that answers `read()`; for clocks of your own (a test clock you advance by hand).
    public init(_ read: @escaping @Sendable () -> Date) {
        self.init(reading: read, isRealTime: false)
    }

    private init(reading read: @escaping @Sendable () -> Date, isRealTime: Bool) {
        self.read = read
        self.isRealTime = isRealTime
    }

    /// The current time on this clock.
    public var now: Date { read() }

    /// The system's time of day, moved by the offset the grader writes to the file named in
    /// `BACKENDKIT_CLOCK_OFFSET_FILE` (when that variable is set). Every `Server` uses it unless its
    /// configuration says otherwise.
    public static let system: ServerClock = {
        guard let file = ClockOffsetFile.fromEnvironment() else {
            return ServerClock(reading: { Date() }, isRealTime: true)
        }
        return ServerClock(reading: { Date(timeIntervalSinceNow: file.offsetSeconds()) }, isRealTime: false)
    }()

    /// A clock that always says `date`: for tests of code that takes a clock.
    public static func fixed(_ date: Date) -> ServerClock {
        ServerClock(reading: { date }, isRealTime: false)
    }

    /// This clock moved by `offset` (negative moves it back).
    public func advanced(by offset: Duration) -> ServerClock {
        let seconds = offset.timeInterval
        let base = self
        return ServerClock(reading: { base.now.addingTimeInterval(seconds) }, isRealTime: false)
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
