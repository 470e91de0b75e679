import BackendKit
import Foundation

/// What the fixture reads from its environment, checked before it starts: a configuration
/// mistake ends the process with status 1 and a message naming the variable, never its value.
struct KitConfiguration {
    static let minimumSecretLength = 16

    let secret: String
    let publicURL: String
    let payments: OutboundClient?
    let mail: OutboundClient?

    enum Problem: Error, CustomStringConvertible {
        case missing(String)
        case tooShort(String, value: String, leak: Bool)
        case invalid(String, OutboundError)

        var description: String {
            switch self {
            case .missing(let name):
                "missing \(name): set it to a random string of \(KitConfiguration.minimumSecretLength) characters or more."
            case .tooShort(let name, let value, let leak):
                leak
                    ? "\(name)=\(value) is too short."
                    : "\(name) is too short: it needs \(KitConfiguration.minimumSecretLength) characters or more."
            case .invalid(let name, let error):
                "\(name) is not usable: \(error)"
            }
        }
    }

    static func load(_ environment: [String: String], variant: Variant) throws -> KitConfiguration {
        guard let secret = environment["KIT_SECRET"], !secret.isEmpty else {
            throw Problem.missing("KIT_SECRET")
        }
        guard secret.count >= minimumSecretLength else {
            throw Problem.tooShort("KIT_SECRET", value: secret, leak: variant == .leaksSecret)
        }
        let timeouts = OutboundClient.Timeouts(
            connect: .seconds(1), read: .milliseconds(800), total: .seconds(2))
        func client(_ name: String) throws -> OutboundClient? {
            guard environment[name] != nil else { return nil }
            do {
                return try OutboundClient.fromEnvironment(name, timeouts: timeouts, environment: environment)
            } catch {
                throw Problem.invalid(name, error)
            }
        }
        return KitConfiguration(
            secret: secret, publicURL: environment["PUBLIC_URL"] ?? "http://127.0.0.1",
            payments: try client("PAYMENTS_URL"), mail: try client("MAIL_URL"))
    }
}
