import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny load balancer inside the grader: each new connection goes to the next instance, round
/// robin, and bytes are copied both ways unchanged (TCP mode: no headers added). An instance that
/// refuses the connection is skipped, as a real balancer would after a failed health check.
///
/// The grader's client opens one connection per request, so through `http` consecutive requests
/// land on consecutive instances.
public final class RoundRobinFront: @unchecked Sendable {
    // @unchecked Sendable: `http` is set once in init; the counters, `open`, `stopped` need `lock`.
    /// How long a relayed connection may stay silent before the front closes it.
    static let idleTimeout: Duration = .seconds(30)

    public let port: Int
    /// A client that sends through the front.
    public private(set) var http: HTTPClient!

    private let listener: Int32
    private let backends: [@Sendable () -> Int]
    private let lock = NSLock()  // guards the counters, `open` and `stopped`
    private var next = 0
    private var counts: [Int]
    private var open: Set<Int32> = []
    private var stopped = false

    init(backends: [@Sendable () -> Int]) throws {
        let (fd, port) = try LoopbackSocket.listen()
        self.listener = fd
        self.port = port
        self.backends = backends
        self.counts = Array(repeating: 0, count: backends.count)
        self.http = HTTPClient(endpoint: { [port] in port }, diagnose: { nil })
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// How many connections each instance has received through the front, in instance order.
    public var connectionsPerInstance: [Int] { lock.withLock { counts } }

    /// Stops accepting and closes every relayed connection.
    public func stop() {
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
            guard let upstream = connectToNextBackend() else {
                // No instance is up: the client sees a reset, as it would from a real balancer.
                LoopbackSocket.reset(client)
                continue
            }
            lock.withLock {
                open.insert(client)
                open.insert(upstream)
            }
            let thread = Thread { [self] in
                relay(client, upstream)
                lock.withLock {
                    open.remove(client)
                    open.remove(upstream)
                }
                close(client)
                close(upstream)
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    private func connectToNextBackend() -> Int32? {
        for _ in 0..<backends.count {
            let index = lock.withLock {
                defer { next += 1 }
                return next % backends.count
            }
            if let fd = LoopbackSocket.connect(port: backends[index]()) {
                lock.withLock { counts[index] += 1 }
                return fd
            }
        }
        return nil
    }

    /// Copies bytes both ways until both sides have closed (half-closes are passed on).
    private func relay(_ a: Int32, _ b: Int32) {
        var entries = [
            pollfd(fd: a, events: Int16(POLLIN), revents: 0),
            pollfd(fd: b, events: Int16(POLLIN), revents: 0),
        ]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var open = [true, true]
        let timeout = Int32(Self.idleTimeout / .milliseconds(1))
        while open[0] || open[1] {
            for index in 0..<2 { entries[index].events = open[index] ? Int16(POLLIN) : 0 }
            let ready = poll(&entries, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { return }
            for index in 0..<2 where open[index] && entries[index].revents != 0 {
                let from = entries[index].fd
                let to = entries[1 - index].fd
                let count = recv(from, &buffer, buffer.count, 0)
                if count > 0 {
                    if !LoopbackSocket.writeAll(to, buffer[0..<count]) { return }
                } else {
                    if count < 0 && errno == ECONNRESET {
                        LoopbackSocket.resetOnClose(to)  // pass the reset on
                        return
                    }
                    open[index] = false
                    shutdown(to, Int32(SHUT_WR))
                }
            }
        }
    }
}
