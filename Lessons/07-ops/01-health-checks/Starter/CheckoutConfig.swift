import Foundation

/// Every setting of the server, read once from the environment at start. A value that is missing or
/// wrong stops the server with a message naming the variable, never its value.
struct CheckoutConfig: Sendable {
    /// The keys the payment gateway signs its webhooks with (WEBHOOK_SECRETS). Usually one; two while
    /// a secret is being replaced, so deliveries signed with either are accepted until the old one is
    /// removed.
    var webhookSecrets: [[UInt8]]

    static let secretsVariable = "WEBHOOK_SECRETS"
    /// A shorter value is a typo or a placeholder, not a key the gateway made.
    static let minimumSecretBytes = 16
    static let maximumSecrets = 5

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> CheckoutConfig
    {
        let expected = "the gateway's webhook signing secrets, separated by commas"
        let secrets = (environment[secretsVariable] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        guard !secrets.isEmpty else {
            throw ConfigError.missing(variable: secretsVariable, expected: expected)
        }
        guard secrets.count <= maximumSecrets, secrets.allSatisfy({ $0.utf8.count >= minimumSecretBytes })
        else {
            throw ConfigError.invalid(
                variable: secretsVariable,
                expected: "1 to \(maximumSecrets) secrets of at least \(minimumSecretBytes) bytes each")
        }
        return CheckoutConfig(webhookSecrets: secrets.map { Array($0.utf8) })
    }
}

/// Why the server refused to start. The value is never part of the message.
enum ConfigError: Error, CustomStringConvertible {
    case invalid(variable: String, expected: String)
    case missing(variable: String, expected: String)

    var description: String {
        switch self {
        case .invalid(let variable, let expected): "\(variable) must be \(expected)."
        case .missing(let variable, let expected): "\(variable) is not set; it must be \(expected)."
        }
    }
}
