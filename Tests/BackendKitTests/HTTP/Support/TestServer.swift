import Foundation

@testable import BackendKit

/// Starts a real server on 127.0.0.1, port 0, with small limits and short timeouts for tests.
func withTestServer(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    routes: (Router) -> Void,
    _ body: (Int) async throws -> Void
) async throws {
    let router = Router()
    routes(router)
    var configuration = ServerConfiguration()
    configuration.threads = 2
    configuration.logger = Logger(level: .error, output: .collect { _ in })
    configuration.limits.maxBodyBytes = 64 * 1024
    configuration.timeouts.requestRead = .milliseconds(600)
    configuration.timeouts.idleConnection = .seconds(2)
    configure(&configuration)
    let server = Server(router: router, configuration: configuration)
    let port = try server.start()
    do {
        try await body(port)
    } catch {
        server.shutdown(grace: .milliseconds(100))
        throw error
    }
    server.shutdown(grace: .milliseconds(100))
}

/// Sends `text` on a fresh connection and returns every response read until the server closes it
/// or stays silent for `timeout` seconds.
func exchange(_ text: String, port: Int, timeout: Double = 2) throws -> (
    responses: [RawResponse], raw: String
) {
    let client = try RawClient(port: port, receiveTimeout: timeout)
    try client.send(text)
    let bytes = client.readUntilClose()
    return (RawResponse.parseAll(bytes), String(decoding: bytes, as: UTF8.self))
}
