import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One request and its response on a connection of its own, on a thread of its own, so an event
/// loop never blocks on an upstream. Every wait has a deadline: the connect timeout for connecting,
/// the read timeout for each silence, the total timeout for everything. `cancel()` ends it at once.
final class OutboundExchange: @unchecked Sendable {
    // @unchecked Sendable: `fd` and `cancelled` are guarded by `lock`; the rest is set once in init.
    private let lock = NSLock()  // guards `fd` and `cancelled`
    private var fd: Int32 = -1
    private var cancelled = false

    let url: OutboundURL
    let timeouts: OutboundClient.Timeouts
    let maxResponseBytes: Int

    init(url: OutboundURL, timeouts: OutboundClient.Timeouts, maxResponseBytes: Int) {
        self.url = url
        self.timeouts = timeouts
        self.maxResponseBytes = maxResponseBytes
    }

    /// Makes a blocked `perform` return with `.cancelled`; safe from any thread.
    func cancel() {
        lock.withLock {
            cancelled = true
            if fd >= 0 { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    func perform(_ request: [UInt8], isHead: Bool) throws(OutboundError) -> OutboundResponse {
        let started = ContinuousClock.now
        let totalDeadline = started + timeouts.total
        let socket = try connect(
            deadline: min(started + timeouts.connect, totalDeadline), total: totalDeadline)
        defer {
            lock.withLock { fd = -1 }
            close(socket)
        }
        try write(request, to: socket, total: totalDeadline)
        var parser = OutboundResponseParser(isHead: isHead, maxBodyBytes: maxResponseBytes)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            do {
                if let response = try parser.response() { return response }
            } catch {
                throw failure(error)
            }
            let readDeadline = min(ContinuousClock.now + timeouts.read, totalDeadline)
            try waitFor(socket, events: Int16(POLLIN), until: readDeadline) { () -> OutboundError in
                readDeadline == totalDeadline
                    ? .totalTimeout(url: url.description, after: timeouts.total)
                    : .readTimeout(
                        url: url.description, after: timeouts.read, receivedBytes: parser.buffer.count)
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                do {
                    try parser.append(buffer[0..<count])
                } catch {
                    throw failure(error)
                }
                continue
            }
            if count == 0 {
                if isCancelled { throw .cancelled(url: url.description) }
                let complete: OutboundResponse?
                do { complete = try parser.finishAtClose() } catch { throw failure(error) }
                if let complete { return complete }
                throw .closedEarly(url: url.description, receivedBytes: parser.buffer.count)
            }
            let code = cshim_errno()
            if code == EINTR || code == EAGAIN { continue }
            if isCancelled { throw .cancelled(url: url.description) }
            if code == ECONNRESET {
                throw .connectionReset(url: url.description, receivedBytes: parser.buffer.count)
            }
            throw .system(url: url.description, call: "recv", errno: code)
        }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func failure(_ problem: OutboundResponseParser.Problem) -> OutboundError {
        switch problem {
        case .tooLarge: .responseTooLarge(url: url.description, limit: maxResponseBytes)
        case .malformed(let detail): .malformedResponse(url: url.description, detail: detail)
        }
    }

    /// Connects to the first address of the host that accepts, within `deadline`.
    private func connect(deadline: ContinuousClock.Instant, total: ContinuousClock.Instant)
        throws(OutboundError)
        -> Int32
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let lookupHost = url.host == "localhost" ? "127.0.0.1" : url.host
        guard getaddrinfo(lookupHost, String(url.port), &hints, &list) == 0, let first = list else {
            throw .unknownHost(url.host)
        }
        defer { freeaddrinfo(list) }
        var refused = false
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            if isCancelled { throw .cancelled(url: url.description) }
            let socket = Glibc_socket(info.pointee.ai_family)
            guard socket >= 0 else {
                throw .system(url: url.description, call: "socket", errno: cshim_errno())
            }
            lock.withLock { fd = socket }
            if systemConnect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0
                && cshim_errno() != EINPROGRESS
            {
                let code = cshim_errno()
                lock.withLock { fd = -1 }
                close(socket)
                if code == ECONNREFUSED {
                    refused = true
                    continue
                }
                throw .system(url: url.description, call: "connect", errno: code)
            }
            do {
                try waitFor(socket, events: Int16(POLLOUT), until: deadline) { () -> OutboundError in
                    deadline == total
                        ? .totalTimeout(url: url.description, after: timeouts.total)
                        : .connectTimeout(url: url.description, after: timeouts.connect)
                }
            } catch {
                lock.withLock { fd = -1 }
                close(socket)
                throw error
            }
            var problem: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socket, SOL_SOCKET, SO_ERROR, &problem, &length)
            if problem == 0 {
                var one: Int32 = 1
                setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return socket
            }
            lock.withLock { fd = -1 }
            close(socket)
            if problem == ECONNREFUSED {
                refused = true
                continue
            }
            throw .system(url: url.description, call: "connect", errno: problem)
        }
        if refused { throw .connectionRefused(url: url.description) }
        throw .unknownHost(url.host)
    }

    private func write(_ bytes: [UInt8], to socket: Int32, total: ContinuousClock.Instant)
        throws(OutboundError)
    {
        var offset = 0
        while offset < bytes.count {
            let deadline = min(ContinuousClock.now + timeouts.read, total)
            try waitFor(socket, events: Int16(POLLOUT), until: deadline) { () -> OutboundError in
                deadline == total
                    ? .totalTimeout(url: url.description, after: timeouts.total)
                    : .readTimeout(url: url.description, after: timeouts.read, receivedBytes: 0)
            }
            let written = bytes.withUnsafeBytes {
                Socket.send(socket, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if isCancelled { throw .cancelled(url: url.description) }
                let code = cshim_errno()
                if code == ECONNRESET || code == EPIPE {
                    throw .connectionReset(url: url.description, receivedBytes: 0)
                }
                throw .system(url: url.description, call: "send", errno: code)
            }
            offset += written
        }
    }

    /// Waits until `socket` is ready for `events`, or throws `timeout()` at the deadline.
    private func waitFor(
        _ socket: Int32, events: Int16, until deadline: ContinuousClock.Instant,
        timeout: () -> OutboundError
    ) throws(OutboundError) {
        while true {
            if isCancelled { throw .cancelled(url: url.description) }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { throw timeout() }
            var entry = pollfd(fd: socket, events: events, revents: 0)
            let milliseconds = Int32(
                min(Double(Int32.max), max(1, (remaining / .milliseconds(1)).rounded(.up))))
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return }
            if result < 0 && cshim_errno() != EINTR { return }  // the next call reports the error
        }
    }
}

private func Glibc_socket(_ family: Int32) -> Int32 {
    #if os(Linux)
        socket(
            family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    #else
        let fd = socket(family, SOCK_STREAM, 0)
        if fd >= 0 {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return fd
    #endif
}

private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
        Glibc.connect(fd, address, length)
    #else
        Darwin.connect(fd, address, length)
    #endif
}
