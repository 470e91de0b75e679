#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loop of a child's monitor thread: drains its stdout and stderr pipes with `poll` as fast as
/// they fill (so a child printing 50 MB never blocks on a full pipe), feeds the capped capture and the
/// line observer, and, when a memory limit is set, checks the child's resident memory ten times a
/// second and kills its process group when it goes over.
///
/// It ends when both pipes reached end of file and the child was reaped, or when asked to stop.
/// It owns the pipes' read ends and the wake-up pipe's read end, and closes them on the way out.
struct OutputMonitor: Sendable {
    struct Pipe: Sendable {
        var fd: Int32
        var stream: OutputLine.Stream
    }

    let state: ChildState
    let pid: Int32
    let pipes: [Pipe]
    let wakeFD: Int32
    let residentMemoryLimit: UInt64?
    let onLine: (@Sendable (OutputLine) -> Void)?

    /// Milliseconds between two memory checks.
    static let watchInterval: Int32 = 100

    func run() {
        var open = pipes
        var splitters = Array(repeating: LineSplitter(), count: pipes.count)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !state.isStopRequested {
            let exited = state.exitStatus != nil
            if open.isEmpty && exited { break }
            let watching = residentMemoryLimit != nil && !exited
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            fds.append(pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0))
            let ready = poll(&fds, nfds_t(fds.count), watching ? Self.watchInterval : -1)
            if ready < 0 && errno != EINTR { break }
            let requestsBeforeReading = state.pendingOutputRequests
            if ready > 0 && fds[fds.count - 1].revents != 0 { drainWakePipe(&buffer) }
            for index in open.indices.reversed() where ready > 0 && fds[index].revents != 0 {
                let slot = pipes.firstIndex { $0.fd == open[index].fd } ?? index
                if !readOnce(from: open[index], splitter: &splitters[slot], buffer: &buffer) {
                    close(open[index].fd)
                    open.remove(at: index)
                }
            }
            if watching { checkMemory() }
            state.monitorDidPass(served: requestsBeforeReading)
        }
        for pipe in open { close(pipe.fd) }
        state.monitorDidFinish()
        close(wakeFD)
    }

    /// Reads one chunk; returns `false` at end of file (or on an error that means the same).
    private func readOnce(from pipe: Pipe, splitter: inout LineSplitter, buffer: inout [UInt8]) -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(pipe.fd, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        guard count > 0 else {
            if let onLine, let last = splitter.finish() {
                onLine(OutputLine(stream: pipe.stream, text: last))
            }
            return false
        }
        buffer.withUnsafeBytes { bytes in
            let chunk = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
            state.appendOutput(chunk)
            if let onLine {
                for line in splitter.append(chunk) { onLine(OutputLine(stream: pipe.stream, text: line)) }
            }
        }
        return true
    }

    private func drainWakePipe(_ buffer: inout [UInt8]) {
        _ = buffer.withUnsafeMutableBytes { read(wakeFD, $0.baseAddress, $0.count) }
    }

    private func checkMemory() {
        guard let limit = residentMemoryLimit, let resident = ProcFS.residentBytes(of: pid), resident > limit
        else { return }
        // The leader is not reaped yet (checked just before), so its process group id is still ours.
        if state.recordViolation(.residentMemory(limitBytes: limit)) {
            kill(-pid, SIGKILL)
        }
    }
}
