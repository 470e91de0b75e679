import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The open-loop load generator: sends `plan.rate` requests per second on a fixed schedule,
/// whatever the server does, and times each answer from the moment its request was *due*.
///
/// One thread, non-blocking sockets and a nanosecond poll. Request i is due at start + i/rate. When
/// it is due, it goes out on an idle keep-alive connection, or on a new one while fewer than
/// `plan.connections` are open; otherwise it waits for the next free connection, and the wait
/// counts in its latency. A closed-loop tool (wrk) would instead send the next request only after
/// the last answer, and a server that stalls for a second would be charged for one slow request
/// instead of the hundreds that should have been sent meanwhile: coordinated omission. Requests
/// still waiting ``endGrace`` after the schedule ends are counted as "could not start".
final class LoadEngine {
    let port: Int
    let request: LoadRequest
    let plan: LoadPlan

    /// Connections opened before the schedule starts, so the first requests do not pay for them.
    static let initialConnections = 4
    /// The longest the loop sleeps while requests are in flight, to notice timeouts.
    static let maxPollWait: UInt64 = 5_000_000
    /// How long requests due before the schedule ended may still wait for a connection (at most the
    /// plan's timeout). A stall of the machine in the schedule's last 100 ms (another test compiling)
    /// left 40 requests of a healthy server queued at its end; counted at once, they read as failures.
    /// Sent a little later, they count with their whole wait in their latency, as a client's would.
    static let endGrace: Duration = .milliseconds(500)

    init(port: Int, request: LoadRequest, plan: LoadPlan) {
        self.port = port
        self.request = request
        self.plan = plan
    }

    private var connections: [LoadConnection] = []
    private var idle: [LoadConnection] = []
    private var constantBytes: [UInt8]?

    func run(duration: Duration, keepSamples: Bool = false) -> LoadRun {
        let total = Int((plan.rate * duration.timeInterval).rounded(.down))
        let interval = 1e9 / plan.rate
        let timeout = UInt64(plan.timeout / .nanoseconds(1))
        constantBytes = request.constantTarget.map { _ in request.bytes(0, port: port) }
        for _ in 0..<min(plan.connections, Self.initialConnections) {
            if let connection = open() { idle.append(connection) }
        }
        var intended = [UInt64](repeating: 0, count: total)
        var sent = [UInt64](repeating: 0, count: total)
        var completed = [UInt64](repeating: 0, count: total)
        var statuses = [Int](repeating: 0, count: total)
        var waited = [Bool](repeating: false, count: total)
        var errors: [String: Int] = [:]
        var statusCounts: [Int: Int] = [:]
        let start = Self.now() + 1_000_000
        for index in 0..<total { intended[index] = start + UInt64(Double(index) * interval) }
        let scheduleEnd = start + UInt64(duration / .nanoseconds(1))
        let endGrace = UInt64(min(plan.timeout, Self.endGrace) / .nanoseconds(1))
        var next = 0
        var lastToSend = total
        var inFlight = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var fds: [pollfd] = []

        func fail(_ connection: LoadConnection, _ kind: String) {
            errors[kind, default: 0] += 1
            inFlight -= 1
            close(connection.fd)
            connections.removeAll { $0 === connection }
        }

        func complete(_ connection: LoadConnection, _ response: ParsedResponse, at time: UInt64) {
            let index = connection.index
            completed[index] = time
            statuses[index] = response.status
            statusCounts[response.status, default: 0] += 1
            if response.status >= 500 { errors["status \(response.status)", default: 0] += 1 }
            inFlight -= 1
            connection.finish()
            if response.headers.containsToken("close", in: "Connection") {
                close(connection.fd)
                connections.removeAll { $0 === connection }
            } else {
                idle.append(connection)
            }
        }

        while true {
            var now = Self.now()
            if now >= scheduleEnd + endGrace && next < lastToSend { lastToSend = next }
            while next < lastToSend && intended[next] <= now {
                var connection = idle.popLast()
                if connection == nil && connections.count < plan.connections {
                    connection = open()
                    if connection == nil {  // refused: this request fails, the schedule goes on
                        errors["connection refused", default: 0] += 1
                        sent[next] = Self.now()
                        next += 1
                        continue
                    }
                }
                guard let connection else {
                    waited[next] = true
                    break
                }
                now = Self.now()
                connection.begin(next, bytes: constantBytes ?? request.bytes(next, port: port), at: now)
                sent[next] = now
                inFlight += 1
                next += 1
                if !write(connection) { fail(connection, "connection reset") }
            }
            if next >= lastToSend && inFlight == 0 { break }
            now = Self.now()
            for connection in connections where connection.isBusy && now - connection.sentAt > timeout {
                fail(connection, "timeout")
            }
            fds.removeAll(keepingCapacity: true)
            for connection in connections where connection.isBusy {
                fds.append(
                    pollfd(
                        fd: connection.fd, events: Int16(connection.isWriting ? POLLOUT : POLLIN), revents: 0)
                )
            }
            var wait = Self.maxPollWait
            if next < lastToSend && (!idle.isEmpty || connections.count < plan.connections) {
                wait = intended[next] > now ? min(wait, intended[next] - now) : 0
            }
            _ = cshim_poll_ns(&fds, UInt(fds.count), Int64(wait))
            for entry in fds where entry.revents != 0 {
                guard let connection = connections.first(where: { $0.fd == entry.fd }), connection.isBusy
                else { continue }
                if connection.isWriting {
                    if !write(connection) { fail(connection, "connection reset") }
                    continue
                }
                let count = recv(connection.fd, &buffer, buffer.count, 0)
                let time = Self.now()
                if count > 0 {
                    do {
                        try connection.reader.append(buffer[0..<count])
                        if let response = try connection.reader.response() {
                            complete(connection, response, at: time)
                        }
                    } catch {
                        fail(connection, "not HTTP")
                    }
                } else if count == 0 {
                    if let response = try? connection.reader.finishAtClose() {
                        complete(connection, response, at: time)
                        close(connection.fd)
                        connections.removeAll { $0 === connection }
                        idle.removeAll { $0 === connection }
                    } else {
                        fail(
                            connection,
                            connection.reader.receivedCount == 0
                                ? "closed without an answer" : "closed mid-answer")
                    }
                } else if errno != EAGAIN && errno != EINTR {
                    fail(connection, errno == ECONNRESET ? "connection reset" : "read error")
                }
            }
        }
        for connection in connections { close(connection.fd) }
        connections = []
        idle = []

        var run = LoadRun(scheduled: total, couldNotStart: total - next, duration: duration)
        run.errors = errors
        run.statuses = statusCounts
        for index in 0..<next {
            if !waited[index] { run.lateness.append(sent[index] &- intended[index]) }
            if completed[index] > 0 {
                run.latencies.append(completed[index] - intended[index])
                run.services.append(completed[index] - sent[index])
            }
            if keepSamples {
                run.samples.append(
                    LoadSample(
                        index: index, intended: intended[index] - start, sent: sent[index] - start,
                        completed: completed[index] > 0 ? completed[index] - start : nil,
                        status: completed[index] > 0 ? statuses[index] : nil))
            }
        }
        return run
    }

    /// Writes what the connection still has to send; `false` when the peer is gone.
    private func write(_ connection: LoadConnection) -> Bool {
        while connection.isWriting {
            let written = connection.pending.withUnsafeBytes {
                send(
                    connection.fd, $0.baseAddress! + connection.written,
                    connection.pending.count - connection.written, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connection.written += written
            } else if written < 0 && (errno == EAGAIN || errno == EINTR) {
                return true  // the rest goes out when the socket is writable
            } else {
                return false
            }
        }
        return true
    }

    /// A new non-blocking connection, or `nil` when the server refuses it.
    private func open() -> LoadConnection? {
        guard let fd = LoopbackSocket.connect(port: port) else { return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let connection = LoadConnection(fd: fd)
        connections.append(connection)
        return connection
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
