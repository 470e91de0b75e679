import Foundation
import Grader

/// One of several instances of the learner's server started by `t.startInstances(_:)`: its own
/// process, port and captured output, the same database file as the others.
public final class ServerInstance: Sendable {
    /// 1, 2, 3… in the order started; also given to the process as `BACKENDLINGS_INSTANCE`.
    public let number: Int
    public let server: LearnerServer
    /// A client that talks to this instance only.
    public let http: HTTPClient

    init(number: Int, server: LearnerServer) {
        self.number = number
        self.server = server
        self.http = HTTPClient(
            endpoint: { [server] in
                guard !server.hasExited else {
                    throw CheckFailure(
                        server.unexpectedExitMessage.map {
                            Words("instance \(number): \($0)", id: "instance \(number): \($0)").text
                        }
                            ?? Words(
                                "instance \(number) of your server is not running",
                                id: "instance \(number) server kamu tidak sedang berjalan"
                            ).text)
                }
                return server.port
            },
            diagnose: { [server] in
                _ = server.waitForExitBlocking(timeout: .milliseconds(500))
                return server.unexpectedExitMessage.map {
                    TransportDiagnosis(text: "Instance \(number): \($0)")
                }
            })
    }

    public var port: Int { server.port }

    /// Whether this instance's port accepts a TCP connection right now (the connection is closed
    /// again at once). A server that shuts down gracefully keeps accepting while it drains and
    /// refuses once it closed its listener; checks of that order ask this while requests run.
    public var acceptsConnections: Bool {
        guard let connection = LoopbackSocket.connect(port: port) else { return false }
        close(connection)
        return true
    }

    /// What this instance printed so far (stdout and stderr), capped.
    public var output: String {
        server.waitForPendingOutput()
        return server.output.text
    }
}
