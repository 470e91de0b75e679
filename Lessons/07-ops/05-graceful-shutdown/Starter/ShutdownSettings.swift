import Foundation

/// How the server stops: two settings that `CheckoutConfig` reads with the others, once, at start.
///
/// | Variable                 | What it is                                                  | When not set |
/// | ------------------------ | ----------------------------------------------------------- | ------------ |
/// | `SHUTDOWN_DRAIN_SECONDS` | after SIGTERM, how long `/readyz` answers 503 "draining"    | `0`          |
/// |                          | while the server still serves, so a load balancer that      |              |
/// |                          | polls it sends new clients elsewhere first (0 to 60)         |              |
/// | `SHUTDOWN_GRACE_SECONDS` | then, how long the requests in progress may take to finish; | `10`         |
/// |                          | one still running after that is abandoned and the server     |              |
/// |                          | exits with status 1 (0.1 to 120)                             |              |
struct ShutdownSettings: Sendable, Equatable {
    /// Seconds, for `Thread.sleep(forTimeInterval:)`.
    var drain: TimeInterval
    var grace: Duration

    static let drainSeconds = 0.0...60.0
    static let graceSeconds = 0.1...120.0

    /// The settings in `environment`; throws a `ConfigError` naming the variable that is wrong.
    static func fromEnvironment(_ environment: [String: String]) throws -> ShutdownSettings {
        let grace = try seconds(environment, "SHUTDOWN_GRACE_SECONDS", default: 10, allowed: graceSeconds)
        return ShutdownSettings(
            drain: try seconds(environment, "SHUTDOWN_DRAIN_SECONDS", default: 0, allowed: drainSeconds),
            grace: .milliseconds(Int((grace * 1000).rounded())))
    }

    private static func seconds(
        _ environment: [String: String], _ variable: String, default value: Double,
        allowed: ClosedRange<Double>
    ) throws -> Double {
        // Set to nothing counts as not set, as for every other setting.
        guard let text = environment[variable], !text.isEmpty else { return value }
        guard let seconds = Double(text), allowed.contains(seconds) else {
            throw ConfigError.invalid(
                variable: variable,
                expected:
                    "a number of seconds from \(allowed.lowerBound) to \(allowed.upperBound), such as 2.5",
                given: text)
        }
        return seconds
    }
}
