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
        // TODO(learner): read each variable of the table above. WEBHOOK_SECRETS: split at ",", trim
        // the spaces, drop empty parts; none left is ConfigError.missing; more than maximumSecrets,
        // or one shorter than minimumSecretBytes, is .invalid with given: nil (it is a secret).
        // LOG_LEVEL: one of Logger.Level's names, in any case. DB_PROBE_TIMEOUT_MS: digits only, a
        // number in probeTimeouts. A wrong value is .invalid with the value as given; never fall
        // back to the default for a value that is set but wrong.
        CheckoutConfig(
            webhookSecrets: [], databasePath: environment["DATABASE_PATH"] ?? defaultDatabasePath,
            logLevel: defaultLogLevel, probeTimeoutMilliseconds: defaultProbeTimeout)
    }

    /// The settings, or the end of the process: when they are wrong, it writes
    /// `Checkout could not start: <what is wrong>` on one line to stderr and exits with status 1.
    static func loadOrExit(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CheckoutConfig
    {
        do {
            return try fromEnvironment(environment)
        } catch {
            // TODO(learner): write "Checkout could not start: \(error)" and a line feed to
            // FileHandle.standardError, then exit(1). A crash (try!, fatalError) prints a stack trace
            // instead of the message, and exit(0) tells the process manager that all went well.
            return CheckoutConfig(
                webhookSecrets: [], databasePath: defaultDatabasePath, logLevel: defaultLogLevel,
                probeTimeoutMilliseconds: defaultProbeTimeout)
        }
    }
}
