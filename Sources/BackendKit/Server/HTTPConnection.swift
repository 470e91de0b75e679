import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client connection: reads requests, runs one handler at a time (answers to pipelined requests
/// go out in order), writes responses, and enforces the read, idle and write timeouts.
///
/// Confined to its event loop's thread; handler tasks come back to that thread (the loop is their
/// executor) before touching it.
final class HTTPConnection: EventChannel {
    /// Reads per readiness event before the loop serves other connections, so one fast sender
    /// cannot starve the rest.
    private static let readsPerEvent = 16
    /// Input and output buffers up to these sizes keep their memory for the next request; larger
    /// ones (after a big upload or download) are given back.
    private static let keptInputCapacity = 64 * 1024
    private static let keptOutputCapacity = 256 * 1024
    /// Consumed input is moved out of the buffer once this much has piled up at its front.
    private static let compactionThreshold = 32 * 1024
    /// Pipelined input waiting behind a running handler beyond this pauses reading (backpressure).
    private static let pipelinedInputLimit = 64 * 1024

    private enum Phase {
        case open
        /// Our side is done writing; unread bytes are drained briefly so the client sees the response
        /// instead of a reset (RFC 9112 §9.6).
        case lingering(since: ContinuousClock.Instant)
        case closed
    }

    let fd: Int32
    private let peer: PeerAddress?
    private unowned let loop: EventLoop
    private let server: ServerContext
    private var parser: RequestParser
    private var phase = Phase.open
    private var input: [UInt8] = []
    private var inputStart = 0
    private var output: [UInt8] = []
    private var outputStart = 0
    private var handlerRunning = false
    private var closeAfterWrite = false
    private var readingPaused = false
    private var peerClosed = false
    private var wantsWrite = false
    private var lastActivity = ContinuousClock.now
    private var requestStarted: ContinuousClock.Instant?
    private var writeStalledSince: ContinuousClock.Instant?

    init(fd: Int32, peer: PeerAddress?, loop: EventLoop, server: ServerContext) {
        self.fd = fd
        self.peer = peer
        self.loop = loop
        self.server = server
        self.parser = RequestParser(limits: server.configuration.limits)
    }

    var isIdle: Bool {
        !handlerRunning && outputStart >= output.count && inputStart >= input.count && !parser.isMidRequest
    }

    func handle(_ event: Selector.Event) {
        if event.writable { flush() }
        if event.readable || event.hangUp { readAvailable() }
    }

    // MARK: Reading

    private func readAvailable() {
        if case .closed = phase { return }
        for _ in 0..<Self.readsPerEvent {
            let count = read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
            if count > 0 {
                lastActivity = .now
                if case .lingering = phase { continue }  // discard
                input.append(contentsOf: UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
                if count < loop.readBuffer.count { break }
            } else if count == 0 {
                peerClosed = true
                break
            } else {
                let code = cshim_errno()
                if code == EAGAIN || code == EWOULDBLOCK { break }
                if code == EINTR { continue }
                close()
                return
            }
        }
        if case .lingering = phase {
            if peerClosed { close() }
            return
        }
        if !handlerRunning { processInput() }
        if peerClosed && !handlerRunning && outputStart >= output.count { close() }
    }

    private func processInput() {
        while !handlerRunning && !closeAfterWrite {
            guard case .open = phase else { return }
            let (event, consumed) = input.withUnsafeBufferPointer { buffer in
                parser.parse(UnsafeBufferPointer(rebasing: buffer[inputStart...]))
            }
            inputStart += consumed
            switch event {
            case .needMoreData:
                // A client that half-closed will never send the body: no go-ahead for it.
                if parser.takeContinueRequest() && !peerHasClosed() {
                    output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
                }
                if inputStart >= input.count {
                    input.removeAll(keepingCapacity: input.capacity <= Self.keptInputCapacity)
                    inputStart = 0
                } else if inputStart > Self.compactionThreshold {
                    input.removeFirst(inputStart)
                    inputStart = 0
                }
                let midRequest = parser.isMidRequest || inputStart < input.count
                if midRequest && requestStarted == nil { requestStarted = .now }
                if !midRequest { requestStarted = nil }
                flush()
                return
            case .request(let head, let body):
                requestStarted = nil
                dispatch(head, body: body)
            case .failure(let failure):
                ResponseSerializer.appendError(failure, date: loop.dateCache.current(), to: &output)
                server.logger.info(
                    "Rejected a malformed request: \(failure.detail)", ["status": .int(failure.status.code)])
                closeAfterWrite = true
                flush()
                return
            }
        }
    }

    /// Whether the client has closed its side, even if the read that brought its last bytes did
    /// not reach the end of the stream yet (a peek, so nothing is consumed).
    private func peerHasClosed() -> Bool {
        if !peerClosed {
            var byte: UInt8 = 0
            if recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)) == 0 { peerClosed = true }
        }
        return peerClosed
    }

    // MARK: Handling

    private func dispatch(_ head: RequestHead, body: Data) {
        handlerRunning = true
        let started = ContinuousClock.now
        let id =
            head.headers["X-Request-Id"].flatMap { RequestIDGenerator.isAcceptable($0) ? $0 : nil }
            ?? loop.requestIDs.next()
        var request = Request(
            method: head.method, target: head.target, headers: head.headers, body: body, id: id,
            version: head.version)
        request.logger = server.logger
        request.peer = peer
        if let clock = server.customClock { request.clock = clock }
        let keepAlive = head.keepAlive
        let transfer = UnsafeTransfer(self)
        let table = server.table
        if StatementLog.shared != nil {
            Task(executorPreference: loop) {
                let response = await StatementLog.$requestID.withValue(id) {
                    await table.respond(to: request)
                }
                transfer.value.complete(request, response, keepAlive: keepAlive, started: started)
            }
            return
        }
        Task(executorPreference: loop) {
            let response = await table.respond(to: request)
            transfer.value.complete(request, response, keepAlive: keepAlive, started: started)
        }
    }

    private func complete(
        _ request: Request, _ response: Response, keepAlive: Bool, started: ContinuousClock.Instant
    ) {
        guard loop.inLoop else {
            let transfer = UnsafeTransfer(self)
            loop.execute {
                transfer.value.complete(request, response, keepAlive: keepAlive, started: started)
            }
            return
        }
        handlerRunning = false
        if case .closed = phase { return }
        let keepOpen = keepAlive && !server.isDraining && !peerClosed
        ResponseSerializer.append(
            response,
            isHead: request.method == .head,
            keepAlive: keepOpen,
            http10: request.version.minor == 0,
            date: loop.dateCache.current(),
            to: &output
        )
        if !keepOpen { closeAfterWrite = true }
        if server.logger.isEnabled(.info) {
            let logger = request.logger
            let elapsed = ContinuousClock.now - started
            let milliseconds = elapsed.timeInterval * 1000
            if logger.format == .json {
                logger.info(
                    "request",
                    [
                        "method": .string(request.method.rawValue), "path": .string(request.path),
                        "status": .int(response.status.code), "duration_ms": .double(milliseconds),
                    ])
            } else {
                logger.info(
                    "\(request.method) \(request.path) \(response.status.code) \(String(format: "%.2f", milliseconds))ms"
                )
            }
        }
        lastActivity = .now
        if readingPaused { resumeReading() }
        processInput()
        flush()
    }

    // MARK: Writing

    private func flush() {
        while outputStart < output.count {
            let written = output.withUnsafeBytes { bytes in
                Socket.send(fd, bytes.baseAddress! + outputStart, output.count - outputStart)
            }
            if written < 0 {
                close()
                return
            }
            if written == 0 {
                if writeStalledSince == nil { writeStalledSince = .now }
                setWriteInterest(true)
                return
            }
            outputStart += written
        }
        output.removeAll(keepingCapacity: output.capacity <= Self.keptOutputCapacity)
        outputStart = 0
        writeStalledSince = nil
        setWriteInterest(false)
        if closeAfterWrite && !handlerRunning {
            beginClose()
        } else if handlerRunning && input.count - inputStart > Self.pipelinedInputLimit {
            pauseReading()
        }
    }

    private func setWriteInterest(_ on: Bool) {
        guard on != wantsWrite, case .open = phase else { return }
        wantsWrite = on
        loop.selector.modify(fd, read: !readingPaused, write: on)
    }

    private func pauseReading() {
        readingPaused = true
        loop.selector.modify(fd, read: false, write: wantsWrite)
    }

    private func resumeReading() {
        readingPaused = false
        loop.selector.modify(fd, read: true, write: wantsWrite)
    }

    // MARK: Closing

    /// Half-closes and drains for a moment when the client may still be sending, so that our
    /// error response is not destroyed by a TCP reset; closes at once otherwise.
    private func beginClose() {
        guard case .open = phase else { return }
        if peerClosed {
            close()
            return
        }
        shutdown(fd, Int32(SHUT_WR))
        phase = .lingering(since: .now)
        server.connectionStartedLingering()
        if readingPaused { resumeReading() }
    }

    func close() {
        var wasLingering = false
        switch phase {
        case .closed: return
        case .lingering: wasLingering = true
        case .open: break
        }
        phase = .closed
        loop.remove(fd: fd)
        Glibc_close(fd)
        server.connectionClosed(wasLingering: wasLingering)
    }

    /// Enforces timeouts; called by the loop about four times a second.
    func checkTimeouts(now: ContinuousClock.Instant) {
        let timeouts = server.configuration.timeouts
        switch phase {
        case .closed:
            return
        case .lingering(let since):
            if now - since > .seconds(2) { close() }
            return
        case .open:
            break
        }
        if let stalled = writeStalledSince, now - stalled > timeouts.write {
            close()
        } else if handlerRunning {
            return
        } else if let started = requestStarted, now - started > timeouts.requestRead {
            ResponseSerializer.appendError(
                ParseFailure(
                    status: .requestTimeout,
                    detail: "The request was not completed within \(timeouts.requestRead).",
                    isHeadRequest: parser.isWaitingForBodyOfHead
                        || input[inputStart...].starts(with: "HEAD ".utf8)),
                date: loop.dateCache.current(),
                to: &output
            )
            closeAfterWrite = true
            flush()
        } else if requestStarted == nil && outputStart >= output.count
            && now - lastActivity > timeouts.idleConnection
        {
            close()
        }
    }

    /// Shutdown: closes the connection now if nothing is in progress; otherwise the response being
    /// prepared will carry `Connection: close`.
    func closeIfIdle() {
        if isIdle { close() }
    }
}

/// Carries a loop-confined reference into a task that runs on that same loop.
struct UnsafeTransfer<Value>: @unchecked Sendable {
    // @unchecked Sendable: the value never leaves its event loop; the task that receives it runs there.
    let value: Value
    init(_ value: Value) { self.value = value }
}

private func Glibc_close(_ fd: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(fd)
    #else
        _ = Darwin.close(fd)
    #endif
}
