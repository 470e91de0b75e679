import Foundation

/// Every setting of the server, read once from the environment at start. A value that is present
/// but wrong stops the server with a message naming the variable, so a typo in a deployment is
/// found at once instead of weakening the app quietly.
struct AuthConfig: Sendable {
    /// How many PBKDF2 rounds a new password hash gets. OWASP's Password Storage Cheat Sheet asks
    /// for 600,000 with HMAC-SHA-256; tests lower it with PASSWORD_ITERATIONS to run faster.
    var passwordIterations: Int

    static let defaultPasswordIterations = 600_000
    static let allowedPasswordIterations = 1_000...10_000_000

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AuthConfig
    {
        var iterations = defaultPasswordIterations
        if let text = environment["PASSWORD_ITERATIONS"] {
            guard let value = Int(text), allowedPasswordIterations.contains(value) else {
                throw AuthConfigError.invalid(
                    variable: "PASSWORD_ITERATIONS", expected: "a whole number from 1000 to 10000000")
            }
            iterations = value
        }
        return AuthConfig(passwordIterations: iterations)
    }
}

/// Why the server refused to start. The value is never part of the message.
enum AuthConfigError: Error, CustomStringConvertible {
    case invalid(variable: String, expected: String)
    case missing(variable: String, expected: String)

    var description: String {
        switch self {
        case .invalid(let variable, let expected): "\(variable) must be \(expected)."
        case .missing(let variable, let expected): "\(variable) is not set; it must be \(expected)."
        }
    }
}
