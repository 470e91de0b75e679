import BackendKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The socket side of a fake upstream: accepts connections on 127.0.0.1, reads requests (keep-alive
/// included) and carries out the behaviour its callback picks, one thread per connection.
final class FakeHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: `open` and `stopped` are guarded by `lock`.
    /// Slices in which long waits check whether to stop.
    private static let waitSlice: Duration = .milliseconds(20)

    let port: Int
    private let listener: Int32
    private let decide: @Sendable (UpstreamRequest) -> UpstreamBehaviour
    private let lock = NSLock()  // guards `open` and `stopped`
    private var open: Set<Int32> = []
    private var stopped = false

    init(decide: @escaping @Sendable (UpstreamRequest) -> UpstreamBehaviour) throws {
        let (fd, port) = try LoopbackSocket.listen()
        self.listener = fd
        self.port = port
        self.decide = decide
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 256 * 1024
        thread.start()
    }

    func stop() {
        let sockets = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            guard let client = LoopbackSocket.accept(listener, timeout: .milliseconds(200)) else { continue }
            lock.withLock { _ = open.insert(client) }
            let thread = Thread { [self] in
                serve(client)
                lock.withLock { _ = open.remove(client) }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Answers requests on one connection until a behaviour closes it or the client does.
    private func serve(_ fd: Int32) {
        var reader = RequestReader()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            let parsed: RequestReader.Parsed?
            do {
                parsed = try reader.next()
            } catch {
                let body = "fake upstream: malformed request: \(error)"
                LoopbackSocket.writeAll(
                    fd,
                    Array(
                        Self.head(
                            400, [("Content-Type", "text/plain")], length: body.utf8.count, keepAlive: false
                        ).utf8) + Array(body.utf8))
                close(fd)
                return
            }
            guard let parsed else {
                guard LoopbackSocket.waitReadable(fd, timeout: .seconds(30)) else {
                    close(fd)
                    return
                }
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 {
                    close(fd)
                    return
                }
                reader.append(buffer[0..<count])
                continue
            }
            let path =
                parsed.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(
                    String.init) ?? parsed.target
            let request = UpstreamRequest(
                method: parsed.method, target: parsed.target, path: path, headers: parsed.headers,
                body: parsed.body,
                receivedAt: Date(), arrival: .now)
            guard perform(decide(request), for: request, on: fd, keepAlive: parsed.keepAlive) else { return }
        }
        close(fd)
    }

    /// Carries out `behaviour`; returns `true` when the connection stays open for another request.
    private func perform(
        _ behaviour: UpstreamBehaviour, for request: UpstreamRequest, on fd: Int32, keepAlive: Bool
    ) -> Bool {
        switch behaviour {
        case .respond(let status, let headers, let body):
            let fields = headers.map { ($0.name, $0.value) }
            let given = headers["Content-Length"] != nil
            let head = Self.head(status, fields, length: given ? nil : body.count, keepAlive: keepAlive)
            guard LoopbackSocket.writeAll(fd, Array(head.utf8) + Array(body)), keepAlive else {
                close(fd)
                return false
            }
            return true
        case .delay(let delay, let then):
            guard waitWhileConnected(fd, for: delay) else {
                close(fd)
                return false
            }
            return perform(then, for: request, on: fd, keepAlive: keepAlive)
        case .trickle(let status, let body, let chunkBytes, let interval):
            let head = Self.head(status, [], length: body.count, keepAlive: false)
            guard LoopbackSocket.writeAll(fd, Array(head.utf8)) else {
                close(fd)
                return false
            }
            var offset = 0
            while offset < body.count {
                guard waitWhileConnected(fd, for: interval) else { break }
                let end = min(body.count, offset + chunkBytes)
                guard LoopbackSocket.writeAll(fd, body[offset..<end]) else { break }
                offset = end
            }
            close(fd)
            return false
        case .drop:
            shutdown(fd, Int32(SHUT_WR))
            close(fd)
            return false
        case .reset:
            LoopbackSocket.reset(fd)
            return false
        case .neverAnswer:
            while waitWhileConnected(fd, for: .seconds(3600)) {}
            close(fd)
            return false
        case .custom(let decide):
            return perform(decide(request), for: request, on: fd, keepAlive: keepAlive)
        }
    }

    /// Waits `duration` unless the client hangs up or the server stops first; `true` when the
    /// wait ran to its end with the client still there.
    private func waitWhileConnected(_ fd: Int32, for duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        var peek: UInt8 = 0
        while ContinuousClock.now < deadline {
            if isStopped { return false }
            let slice = min(Self.waitSlice, deadline - ContinuousClock.now)
            if LoopbackSocket.waitReadable(fd, timeout: slice) {
                let count = recv(fd, &peek, 1, Int32(MSG_PEEK))
                if count <= 0 { return false }  // the client gave up
                Thread.sleep(forTimeInterval: slice.timeInterval)  // a pipelined request waits its turn
            }
        }
        return !isStopped
    }

    static func head(_ status: Int, _ headers: [(String, String)], length: Int?, keepAlive: Bool) -> String {
        var text = "HTTP/1.1 \(status) \(HTTPStatus(code: status).reasonPhrase)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let length { text += "Content-Length: \(length)\r\n" }
        text += keepAlive ? "" : "Connection: close\r\n"
        return text + "\r\n"
    }
}
