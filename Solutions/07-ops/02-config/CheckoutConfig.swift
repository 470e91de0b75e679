import BackendKit
import Foundation

/// Every setting of the checkout, read from the environment once, when the server starts, and
/// checked there. A setting that is missing or wrong stops the start with a message naming the
/// variable, instead of failing at the first request that needs it, hours later, at night.
///
/// | Variable              | What it is                                            | When not set      |
/// | --------------------- | ----------------------------------------------------- | ----------------- |
/// | `WEBHOOK_SECRETS`     | 1 to 5 secrets of at least 16 bytes, comma-separated  | refuses to start  |
/// | `DATABASE_PATH`       | the SQLite file                                       | `data.sqlite`     |
/// | `LOG_LEVEL`           | `debug`, `info`, `warning` or `error`, in any case    | `info`            |
/// | `DB_PROBE_TIMEOUT_MS` | a whole number of milliseconds, from 1 to 1000        | `250`             |
///
/// A variable set to nothing (`LOG_LEVEL=`) counts as not set. `PORT` and `HOST` are read and
/// checked by BackendKit itself.
struct CheckoutConfig: Sendable, Equatable {
    /// The keys the payment gateway signs its webhooks with. Usually one; two while a secret is
    /// being replaced.
    var webhookSecrets: [[UInt8]]
    var databasePath: String
    var logLevel: Logger.Level
    /// How long `/readyz` waits for the database's lock before it answers "database unavailable".
    var probeTimeoutMilliseconds: Int

    static let minimumSecretBytes = 16
    static let maximumSecrets = 5
    static let defaultDatabasePath = "data.sqlite"
    static let defaultLogLevel = Logger.Level.info
    /// Below the 1 second a probe is given by default (Kubernetes' `timeoutSeconds`).
    static let probeTimeouts = 1...1000
    static let defaultProbeTimeout = 250

    /// The settings in `environment`; throws a `ConfigError` for the first one that is wrong.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> CheckoutConfig
    {
        try CheckoutConfig(
            webhookSecrets: secrets(environment),
            databasePath: value("DATABASE_PATH", environment) ?? defaultDatabasePath,
            logLevel: logLevel(environment), probeTimeoutMilliseconds: probeTimeout(environment))
    }

    /// The settings, or the end of the process: when they are wrong, it writes
    /// `Checkout could not start: <what is wrong>` on one line to stderr and exits with status 1.
    static func loadOrExit(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CheckoutConfig
    {
        do {
            return try fromEnvironment(environment)
        } catch {
            // One line a person can act on, and a status the process manager sees as a failure.
            FileHandle.standardError.write(Data("Checkout could not start: \(error)\n".utf8))
            exit(1)
        }
    }

    /// The variable's value, or `nil` when it is not set or set to nothing.
    private static func value(_ variable: String, _ environment: [String: String]) -> String? {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        return value
    }

    private static func secrets(_ environment: [String: String]) throws -> [[UInt8]] {
        let variable = "WEBHOOK_SECRETS"
        let secrets = (value(variable, environment) ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        guard !secrets.isEmpty else {
            throw ConfigError.missing(
                variable: variable, expected: "the gateway's webhook signing secrets, separated by commas")
        }
        guard secrets.count <= maximumSecrets, secrets.allSatisfy({ $0.utf8.count >= minimumSecretBytes })
        else {
            // given: nil — the message must not carry any part of a secret, even a wrong one.
            throw ConfigError.invalid(
                variable: variable,
                expected: "1 to \(maximumSecrets) secrets of at least \(minimumSecretBytes) bytes each",
                given: nil)
        }
        return secrets.map { Array($0.utf8) }
    }

    private static func logLevel(_ environment: [String: String]) throws -> Logger.Level {
        let variable = "LOG_LEVEL"
        guard let text = value(variable, environment) else { return defaultLogLevel }
        let levels: [String: Logger.Level] = [
            "debug": .debug, "info": .info, "warning": .warning, "error": .error,
        ]
        guard let level = levels[text.lowercased()] else {
            throw ConfigError.invalid(
                variable: variable, expected: "debug, info, warning or error", given: text)
        }
        return level
    }

    private static func probeTimeout(_ environment: [String: String]) throws -> Int {
        let variable = "DB_PROBE_TIMEOUT_MS"
        guard let text = value(variable, environment) else { return defaultProbeTimeout }
        // Int(text) is nil for "abc", "2.5", "250ms", "1e3" and for a number too big for an Int;
        // the range refuses "-5" and "0".
        guard let number = Int(text), probeTimeouts.contains(number) else {
            throw ConfigError.invalid(
                variable: variable,
                expected:
                    "a whole number of milliseconds from \(probeTimeouts.lowerBound) to \(probeTimeouts.upperBound)",
                given: text)
        }
        return number
    }
}
