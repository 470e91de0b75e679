import BackendKit
import Foundation
import Grader

#if canImport(Glibc)
    import Glibc
#endif

/// Raw requests through the grader's client: exact bytes in, a parsed and recorded response out,
/// and many requests released at the same instant.
extension HTTPClient {
    /// Sends `request` exactly as written (plus `Host` when it has none) and parses the answer.
    @discardableResult
    public func send(_ request: RawRequest) throws -> ClientResponse {
        let port = try currentPort()
        let parsed: ParsedResponse
        do {
            parsed = try RawConnection.exchange(
                request.bytes(defaultHost: "127.0.0.1:\(port)"), port: port, timeout: timeout,
                isHead: request.method == "HEAD")
        } catch let error as RawConnection.Failure {
            throw recordFailure(request.recorded, problem: error.description)
        }
        return respond(request.recorded, parsed)
    }

    /// Sends every request on its own connection, all but the last byte first, then the last bytes
    /// together from one thread, so the server sees them complete within microseconds: the
    /// "last-byte synchronization" way to hit a race window that threads alone miss. Returns each
    /// request's outcome in order.
    public func sendSimultaneously(_ requests: [RawRequest]) throws -> [Result<ClientResponse, CheckFailure>]
    {
        let port = try currentPort()
        var sockets: [Int32?] = []
        defer { for fd in sockets.compactMap({ $0 }) { close(fd) } }
        var payloads: [[UInt8]] = []
        for request in requests {
            let bytes = request.bytes(defaultHost: "127.0.0.1:\(port)")
            payloads.append(bytes)
            guard let fd = LoopbackSocket.connect(port: port), LoopbackSocket.writeAll(fd, bytes.dropLast())
            else {
                sockets.append(nil)
                continue
            }
            sockets.append(fd)
        }
        Thread.sleep(forTimeInterval: Self.simultaneousHold.timeInterval)
        for (index, fd) in sockets.enumerated() {
            if let fd, let last = payloads[index].last { LoopbackSocket.writeAll(fd, [last]) }
        }
        let deadline = ContinuousClock.now + timeout
        return requests.indices.map { index in
            guard let fd = sockets[index] else {
                return .failure(
                    recordFailure(
                        requests[index].recorded,
                        problem: Words(
                            "could not connect to port \(port).", id: "tidak bisa terhubung ke port \(port)."
                        ).text))
            }
            do {
                let parsed = try RawConnection.read(
                    from: fd, deadline: deadline, timeout: timeout, isHead: requests[index].method == "HEAD")
                return .success(respond(requests[index].recorded, parsed))
            } catch let error as RawConnection.Failure {
                return .failure(recordFailure(requests[index].recorded, problem: error.description))
            } catch {
                return .failure(recordFailure(requests[index].recorded, problem: "\(error)"))
            }
        }
    }

    /// How long every connection holds its last byte, so the server has read each partial request
    /// before any completes.
    public static let simultaneousHold = Duration.milliseconds(50)

    /// `count` copies of `request`, released together.
    public func sendSimultaneously(_ count: Int, _ request: RawRequest) throws -> [Result<
        ClientResponse, CheckFailure
    >] {
        try sendSimultaneously(Array(repeating: request, count: count))
    }

    private func respond(_ recorded: HTTPExchange.Request, _ parsed: ParsedResponse) -> ClientResponse {
        let trimmed = Trimming.text(parsed.body, limit: 8192)
        let exchange = HTTPExchange(
            request: recorded,
            response: HTTPExchange.Response(
                status: parsed.status, reason: parsed.reason,
                headers: parsed.headers.map { HTTPExchange.Header($0.name, $0.value) }, body: trimmed.text,
                bodyBytesOmitted: trimmed.omitted))
        recordExchange(exchange)
        return ClientResponse(
            method: recorded.method, target: recorded.target, status: parsed.status, reason: parsed.reason,
            headers: parsed.headers, body: parsed.body, exchange: exchange)
    }

    private func recordFailure(_ recorded: HTTPExchange.Request, problem: String) -> CheckFailure {
        let exchange = HTTPExchange(request: recorded, response: nil, problem: problem)
        recordExchange(exchange)
        // `problem` is already in the run's language; the request line reads the same in both.
        return CheckFailure(
            Words(verbatim: "\(recorded.method) \(recorded.target) → \(problem)"), exchange: exchange)
    }
}
