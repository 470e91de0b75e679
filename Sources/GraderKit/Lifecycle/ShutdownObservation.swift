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
                Words(
                    "after \(signalName) your server was still running \(duration.spokenSeconds) later, so the grader "
                        + "killed it. A graceful shutdown finishes the requests in progress and exits; does "
                        + "main.swift keep running after Server.run() returns?",
                    id:
                        "\(duration.spokenSeconds) setelah \(signalName), server kamu masih berjalan, jadi grader "
                        + "mematikannya. Graceful shutdown menyelesaikan request yang sedang berjalan lalu keluar; "
                        + "apakah main.swift masih terus berjalan setelah Server.run() selesai?"
                ))
        }
        guard exitStatus.isSuccess else {
            throw CheckFailure(
                Words(
                    "after \(signalName) your server \(exitStatus); a graceful shutdown exits with status 0.",
                    id:
                        "setelah \(signalName), server kamu \(exitStatus); graceful shutdown keluar dengan status 0."
                ).text + Self.excerpt(output))
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
                    Words(
                        "this request was in progress when \(signalName) arrived, and it was answered "
                            + "\(response.status) \(response.reason) instead of being finished",
                        id: "request ini sedang berjalan saat \(signalName) datang, dan dijawab "
                            + "\(response.status) \(response.reason) alih-alih diselesaikan"
                    ))
            case .failure(let error):
                throw CheckFailure(
                    Words(
                        "request \(index + 1) of \(inFlight.count) was in progress when \(signalName) arrived and "
                            + "never got its answer: \(error). A graceful shutdown lets requests in progress finish "
                            + "before the process exits.",
                        id:
                            "request \(index + 1) dari \(inFlight.count) sedang berjalan saat \(signalName) datang "
                            + "dan tidak pernah dijawab: \(error). Graceful shutdown membiarkan request yang sedang "
                            + "berjalan selesai sebelum prosesnya keluar."
                    ))
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
                Words(
                    "after \(signalName) your server kept accepting new connections for more than "
                        + "\(limit.spokenSeconds). During a shutdown it should stop accepting at once, so the load "
                        + "balancer sends new clients elsewhere.",
                    id: "setelah \(signalName), server kamu masih menerima koneksi baru selama lebih dari "
                        + "\(limit.spokenSeconds). Saat shutdown, server harus langsung berhenti menerima koneksi, "
                        + "supaya load balancer mengirim client baru ke tempat lain."
                ))
        }
        return self
    }

    private static func excerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n").suffix(8)
        let title = Words("Its last lines:", id: "Baris terakhirnya:").text
        return lines.isEmpty ? "" : "\n\(title)\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
