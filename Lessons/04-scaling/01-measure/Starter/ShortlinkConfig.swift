import Foundation

/// Every setting of the server, read once from the environment at start. A value that is present
/// but wrong stops the server with a message naming the variable, so a typo in a deployment is
/// found at once instead of changing how the app behaves under load.
struct ShortlinkConfig: Sendable {
    /// Where short links point to, without a trailing slash: `https://sho.rt` in production.
    var publicURL: String

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ShortlinkConfig
    {
        let port = environment["PORT"].flatMap(Int.init) ?? 8080
        var publicURL = "http://localhost:\(port)"
        if let text = environment["PUBLIC_URL"] {
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.hasSuffix("/") else {
                throw ShortlinkConfigError.invalid(
                    variable: "PUBLIC_URL", expected: "an http:// or https:// address without a trailing /")
            }
            publicURL = text
        }
        return ShortlinkConfig(publicURL: publicURL)
    }
}

/// Why the server refused to start. The value is never part of the message.
enum ShortlinkConfigError: Error, CustomStringConvertible {
    case invalid(variable: String, expected: String)

    var description: String {
        switch self {
        case .invalid(let variable, let expected): "\(variable) must be \(expected)."
        }
    }
}
