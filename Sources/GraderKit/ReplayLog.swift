import Foundation
import Grader
import Synchronization

/// Everything a run did to the learner's server, in order, for replay scripts: the checks'
/// requests (with their exact bodies), restarts, and what a script cannot do.
///
/// Safe to use from several threads at once: requests sent by `concurrently` are kept in the order
/// they were sent.
final class ReplayLog: Sendable {
    /// Bodies are kept up to this size; a larger one is cut, and the script says so.
    static let maxBodyBytes = 1 << 20
    /// Steps kept at most; a load test's thousands of requests do not all go into a script.
    static let maxSteps = 5000

    private let stored = Mutex<[ReplayStep]>([])

    var steps: [ReplayStep] { stored.withLock { $0 } }

    func append(_ step: ReplayStep) {
        stored.withLock { if $0.count < Self.maxSteps { $0.append(step) } }
    }

    /// Records a request about to be sent.
    func request(
        method: String, target: String, headers: [(name: String, value: String)], body: Data?,
        usesCookieJar: Bool
    ) {
        if let body, body.count > Self.maxBodyBytes {
            append(
                .skipped(
                    Words(
                        "the full body of \(method) \(target) (\(body.count) bytes; the script sends its first "
                            + "\(Self.maxBodyBytes))",
                        id: "body lengkap \(method) \(target) (\(body.count) byte; script-nya hanya mengirim "
                            + "\(Self.maxBodyBytes) byte pertama)"
                    ).text))
        }
        append(
            .request(
                ReplayRequest(
                    method: method, target: target,
                    headers: headers.map { HTTPExchange.Header($0.name, $0.value) },
                    body: body.map { Array($0.prefix(Self.maxBodyBytes)) }, usesCookieJar: usesCookieJar)))
    }
}
