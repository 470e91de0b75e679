import Foundation
import Grader

/// What a server did after a signal, from `t.observeShutdown(...)`: whether it stopped taking new
/// connections, whether the requests it had accepted were answered, how long it took to exit, and
/// how it exited.
public struct ShutdownObservation: Sendable {
    public let signalName: String
    /// How it exited; `nil` when it was still running at the deadline (the grader then killed it).
    public let exitStatus: ExitStatus?
    /// From the signal to the exit (or to the deadline).
    public let duration: Duration
    /// From the signal to the first refused connection; `nil` when it kept accepting to the end.
    public let stoppedAcceptingAfter: Duration?
    /// The requests that were in flight when the signal came, in order.
    public let inFlight: [Result<ClientResponse, any Error>]
    /// What the server printed during shutdown.
    public let output: String

    /// Fails unless the server exited by itself with status 0.
    @discardableResult
    public func expectCleanExit() throws -> ShutdownObservation {
        guard let exitStatus else {
            throw CheckFailure(
                "after \(signalName) your server was still running \(duration.spokenSeconds) later, so the grader killed it. A graceful shutdown finishes the requests in progress and exits; does main.swift keep running after Server.run() returns?"
            )
        }
        guard exitStatus.isSuccess else {
            throw CheckFailure(
                "after \(signalName) your server \(exitStatus); a graceful shutdown exits with status 0.\(Self.excerpt(output))"
            )
        }
        return self
    }

    /// Fails unless every in-flight request got a complete response with a status below 500.
    @discardableResult
    public func expectInFlightCompleted() throws -> ShutdownObservation {
        for (index, result) in inFlight.enumerated() {
            switch result {
            case .success(let response) where response.status < 500:
                continue
            case .success(let response):
                throw response.failure(
                    "this request was in progress when \(signalName) arrived, and it was answered \(response.status) \(response.reason) instead of being finished"
                )
            case .failure(let error):
                throw CheckFailure(
                    "request \(index + 1) of \(inFlight.count) was in progress when \(signalName) arrived and never got its answer: \(error). A graceful shutdown lets requests in progress finish before the process exits."
                )
            }
        }
        return self
    }

    /// Fails unless the server stopped accepting new connections within `limit` of the signal,
    /// before it exited.
    @discardableResult
    public func expectStoppedAccepting(within limit: Duration = .seconds(1)) throws -> ShutdownObservation {
        guard let stoppedAcceptingAfter, stoppedAcceptingAfter <= limit else {
            throw CheckFailure(
                "after \(signalName) your server kept accepting new connections for more than \(limit.spokenSeconds). During a shutdown it should stop accepting at once, so the load balancer sends new clients elsewhere."
            )
        }
        return self
    }

    private static func excerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n").suffix(8)
        return lines.isEmpty ? "" : "\nIts last lines:\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
