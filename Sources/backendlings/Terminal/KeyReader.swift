import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads keystrokes on a background thread and delivers them, in order, through ``keys``.
///
/// Every byte read is decoded exactly once and every key is yielded to an unbounded stream, so none is
/// lost or doubled even when the consumer is busy (for example while a check is running). The stream
/// finishes when ``stop()`` is called, when the input ends or fails, or when the consumer stops
/// iterating. Use it together with ``TerminalSession``: without raw mode the terminal delivers whole
/// lines and Ctrl-C stays a signal.
final class KeyReader: Sendable {
    let keys: AsyncStream<Key>
    private let worker: Worker

    /// Starts reading at once.
    /// - Parameter requiresTerminal: leave `true` in the product. Tests pass `false` to read from a pipe.
    /// - Throws: ``TerminalError/notInteractive`` when `fileDescriptor` is not a terminal.
    init(fileDescriptor: Int32 = STDIN_FILENO, requiresTerminal: Bool = true) throws(TerminalError) {
        guard !requiresTerminal || Terminal.isTerminal(fileDescriptor) else { throw .notInteractive }
        let (keys, continuation) = AsyncStream<Key>.makeStream(bufferingPolicy: .unbounded)
        let worker = Worker(fileDescriptor: fileDescriptor, continuation: continuation)
        continuation.onTermination = { _ in worker.requestStop() }
        self.keys = keys
        self.worker = worker
        let thread = Thread {
            worker.readLoop()
            continuation.finish()
            worker.finished.signal()
        }
        thread.name = "backendlings.KeyReader"
        thread.start()
    }

    /// Dropping the reader stops its thread (without waiting for it).
    deinit {
        worker.requestStop()
    }

    /// Stops the thread, waits for it to end, and finishes ``keys``. Safe to call more than once.
    func stop() {
        worker.requestStop()
        worker.finished.wait()
        worker.finished.signal()  // let later calls return at once
    }

    /// Stops reading (without stopping the thread) until ``resume()``, so another program, such as
    /// a pager, gets the keys. Returns once the thread reads no more (at most ~0.1 s later).
    func pause() {
        worker.setPaused(true)
        worker.waitUntilParked()
    }

    func resume() {
        worker.setPaused(false)
    }
}

extension KeyReader {
    /// The reading thread's state; the thread holds this, not the reader, so dropping the reader ends it.
    private final class Worker: @unchecked Sendable {
        // @unchecked Sendable: the three flags are guarded by `lock`; the `let`s are set in init.
        let fileDescriptor: Int32
        let continuation: AsyncStream<Key>.Continuation
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var stopRequested = false
        private var paused = false
        private var parked = false

        /// How long the thread waits before it looks at the stop flag again; bounds `stop()`'s wait.
        private static let stopCheckMilliseconds: Int32 = 100
        /// How long after a trailing Escape byte the rest of a sequence may still arrive.
        private static let escapeTimeoutMilliseconds: Int32 = 50

        init(fileDescriptor: Int32, continuation: AsyncStream<Key>.Continuation) {
            self.fileDescriptor = fileDescriptor
            self.continuation = continuation
        }

        func requestStop() {
            lock.lock()
            stopRequested = true
            lock.unlock()
        }

        func setPaused(_ value: Bool) {
            lock.lock()
            paused = value
            lock.unlock()
        }

        /// Waits until the read loop has noticed a pause (bounded, in case the thread has ended).
        func waitUntilParked() {
            for _ in 0..<40 {
                lock.lock()
                let done = parked || stopRequested
                lock.unlock()
                if done { return }
                usleep(5_000)
            }
        }

        /// True (and the loop parked) while paused.
        private func parkIfPaused() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            parked = paused
            return paused
        }

        private var shouldStop: Bool {
            lock.lock()
            defer { lock.unlock() }
            return stopRequested
        }

        func readLoop() {
            var decoder = KeyDecoder()
            var buffer = [UInt8](repeating: 0, count: 256)
            while !shouldStop {
                if parkIfPaused() {
                    usleep(20_000)
                    continue
                }
                var poller = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                let timeout =
                    decoder.isWaitingForMore ? Self.escapeTimeoutMilliseconds : Self.stopCheckMilliseconds
                let ready = poll(&poller, 1, timeout)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if ready == 0 {
                    deliver(decoder.flush())
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    deliver(decoder.decode(buffer[0..<count]))
                } else if count < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    deliver(decoder.flush())
                    return  // end of input, or the terminal went away
                }
            }
        }

        private func deliver(_ keys: [Key]) {
            for key in keys { continuation.yield(key) }
        }
    }
}
