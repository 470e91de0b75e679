import GraderKit

/// The secret every check starts the fixture with (it refuses to start without one).
let secret = "kit-secret-0123456789abcdef"

/// Starts the server with the secret and `extra` variables.
func start(_ t: TestContext, _ extra: [String: String] = [:]) throws {
    try t.startServer(environment: extra.merging(["KIT_SECRET": secret]) { mine, _ in mine })
}

/// The session cookie a response set, as a `Cookie` header value.
func sessionCookie(_ response: ClientResponse) throws -> String {
    let header = try requireValue(
        response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("__Host-session=") },
        Words(english: "expected a __Host-session cookie"), response: response)
    return String(header.split(separator: ";")[0])
}
