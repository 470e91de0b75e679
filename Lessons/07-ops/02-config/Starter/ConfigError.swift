import BackendKit
import Foundation

/// Why the checkout refused to start. Its text names the variable and what the variable must be.
/// It shows the value it was given only for a setting that is not secret (a typo in `LOG_LEVEL` is
/// easier to fix when you see it), and never the value of a secret: start-up errors end up in logs
/// that many people read and that are kept for a long time.
enum ConfigError: Error, Equatable, CustomStringConvertible {
    /// A required variable is not set, or set to nothing.
    case missing(variable: String, expected: String)
    /// The variable is set, but to a value the server does not accept. `given` is that value for a
    /// setting that is not secret, and `nil` for a secret.
    case invalid(variable: String, expected: String, given: String?)

    /// The longest part of a value the message shows.
    static let shownCharacters = 40

    var description: String {
        switch self {
        case .missing(let variable, let expected):
            "\(variable) is not set; it must be \(expected)."
        case .invalid(let variable, let expected, let given?):
            // Quoted and escaped, so a value with a line break stays on the message's one line.
            "\(variable) must be \(expected), not \(String(reflecting: String(given.prefix(Self.shownCharacters))))."
        case .invalid(let variable, let expected, nil):
            "\(variable) must be \(expected) (its value is secret, so it is not shown)."
        }
    }
}
