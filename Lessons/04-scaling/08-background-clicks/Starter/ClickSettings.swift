import Foundation

/// How clicks travel from the redirect to the database: how many may wait in memory, and how often
/// the background job writes them. Read once at start, like ShortlinkConfig; a wrong value stops
/// the server with a message naming the variable.
struct ClickSettings: Sendable {
    /// `CLICK_QUEUE_CAPACITY`: the most clicks that wait in memory for the writer.
    var queueCapacity = 10_000
    /// `CLICK_FLUSH_SECONDS`: the pause between two runs of the click writer.
    var flushInterval: Duration = .seconds(1)

    static let capacities = 10...1_000_000
    static let flushSeconds = 1...300

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ClickSettings
    {
        var settings = ClickSettings()
        if let text = environment["CLICK_QUEUE_CAPACITY"] {
            guard let value = Int(text), capacities.contains(value) else {
                throw ShortlinkConfigError.invalid(
                    variable: "CLICK_QUEUE_CAPACITY", expected: "a whole number from 10 to 1000000")
            }
            settings.queueCapacity = value
        }
        if let text = environment["CLICK_FLUSH_SECONDS"] {
            guard let value = Int(text), flushSeconds.contains(value) else {
                throw ShortlinkConfigError.invalid(
                    variable: "CLICK_FLUSH_SECONDS", expected: "a whole number of seconds from 1 to 300")
            }
            settings.flushInterval = .seconds(value)
        }
        return settings
    }
}
