import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the threads watching one child share with the `ChildProcess` that owns them: the exit status
/// (set by the reaper thread), the captured output and any limit violation (set by the monitor
/// thread), and the wake-up pipe that tells the monitor thread to look again.
///
/// The threads hold this object, never the `ChildProcess`, so a forgotten `ChildProcess` can still be
/// deinitialised, which is what kills its process group.
final class ChildState: @unchecked Sendable {
    // @unchecked Sendable: every `var` (status, capture, flags, `wakeFD`) is guarded by `condition`.
    private let condition = NSCondition()
    private var status: ExitStatus?
    private var exitObservers: [@Sendable (ExitStatus) -> Void] = []
    private var capture = OutputCapture()
    private var violation: LimitViolation?
    private var monitorFinished = false
    private var outputRequests = 0
    private var servedOutputRequests = 0
    private var stopRequested = false
    private var treeSwept = false
    private var cleanedUp = false
    /// The write end of the monitor's wake-up pipe; -1 once the monitor has closed it. Written only
    /// while locked, so a write can never reach a closed (or reused) descriptor.
    private var wakeFD: Int32

    init(wakeFD: Int32) {
        self.wakeFD = wakeFD
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }

    // MARK: Exit

    var exitStatus: ExitStatus? { locked { status } }

    /// Called once by the reaper thread with what `waitpid` reported.
    func recordExit(_ exitStatus: ExitStatus) {
        let observers: [@Sendable (ExitStatus) -> Void] = locked {
            status = exitStatus
            condition.broadcast()
            writeWakeByte()
            defer { exitObservers = [] }
            return exitObservers
        }
        for observer in observers { observer(exitStatus) }
    }

    /// Runs `observer` once the child has exited (at once, on this thread, if it already has;
    /// otherwise on the reaper thread, so it must be quick).
    func whenExited(_ observer: @escaping @Sendable (ExitStatus) -> Void) {
        let known: ExitStatus? = locked {
            if status == nil { exitObservers.append(observer) }
            return status
        }
        if let known { observer(known) }
    }

    /// Blocks until the child has exited or `timeout` has passed (`nil`: no limit).
    func waitForExit(timeout: Duration?) -> ExitStatus? {
        _ = waitUntil(timeout: timeout) { status != nil }
        // What the child wrote before it exited may still be in the pipe: read it, so a caller that
        // looks at the output after an exit sees all of it (its last log line, its crash message).
        if exitStatus != nil { waitForPendingOutput(timeout: Self.drainAfterExit) }
        return exitStatus
    }

    /// How long `waitForExit` waits for the output reader to catch up once the child has exited.
    static let drainAfterExit: Duration = .milliseconds(200)

    // MARK: Output and limits

    var output: CapturedOutput { locked { capture.snapshot } }

    func appendOutput(_ bytes: UnsafeRawBufferPointer) {
        locked { capture.append(bytes) }
    }

    var limitViolation: LimitViolation? { locked { violation } }

    /// Records the first violation; returns `false` when one was already recorded.
    func recordViolation(_ newViolation: LimitViolation) -> Bool {
        locked {
            guard violation == nil else { return false }
            violation = newViolation
            return true
        }
    }

    // MARK: Monitor thread lifecycle

    var isStopRequested: Bool { locked { stopRequested } }

    /// Asks the monitor thread to stop reading and exit, even if the pipes are still open (a
    /// grandchild that escaped every kill may hold them).
    func requestMonitorStop() {
        locked {
            stopRequested = true
            writeWakeByte()
        }
    }

    /// The latest request of `waitForPendingOutput`; the monitor reads it right after poll returns.
    var pendingOutputRequests: Int { locked { outputRequests } }

    /// Called by the monitor thread after a round of reading that began after request `served`.
    func monitorDidPass(served: Int) {
        locked {
            servedOutputRequests = max(servedOutputRequests, served)
            condition.broadcast()
        }
    }

    /// Wakes the monitor and waits until it has finished a round of reading that began after this
    /// call, so every byte the child had written before it is in `output`.
    func waitForPendingOutput(timeout: Duration) {
        let request: Int = locked {
            outputRequests += 1
            writeWakeByte()
            return outputRequests
        }
        _ = waitUntil(timeout: timeout) { monitorFinished || servedOutputRequests >= request }
    }

    /// Called by the monitor thread as it exits; closes the wake-up pipe's write end.
    func monitorDidFinish() {
        locked {
            if wakeFD >= 0 { close(wakeFD) }
            wakeFD = -1
            monitorFinished = true
            condition.broadcast()
        }
    }

    /// Blocks until the monitor thread has read everything (both pipes at end of file) or `timeout`.
    func waitForMonitor(timeout: Duration) -> Bool {
        waitUntil(timeout: timeout) { monitorFinished }
    }

    // MARK: Cleanup

    /// Called by the reaper thread once it has killed and reaped what the child left behind.
    func markTreeSwept() {
        locked {
            treeSwept = true
            condition.broadcast()
        }
    }

    /// Blocks until the reaper thread has swept the child's process tree, or `timeout`.
    func waitForTreeSwept(timeout: Duration) -> Bool {
        waitUntil(timeout: timeout) { treeSwept }
    }

    var isCleanedUp: Bool { locked { cleanedUp } }

    func markCleanedUp() { locked { cleanedUp = true } }

    /// Waits on the condition until `isDone` (evaluated while locked) holds or `timeout` passes.
    private func waitUntil(timeout: Duration?, _ isDone: () -> Bool) -> Bool {
        let deadline = timeout.map { Date(timeIntervalSinceNow: $0.timeInterval) }
        return locked {
            while !isDone() {
                if let deadline {
                    if !condition.wait(until: deadline) { break }
                } else {
                    condition.wait()
                }
            }
            return isDone()
        }
    }

    /// Must be called while locked.
    private func writeWakeByte() {
        guard wakeFD >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakeFD, &byte, 1)  // non-blocking: a full pipe already means "wake up"
    }
}
