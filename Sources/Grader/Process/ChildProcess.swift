import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A running child process that the grader fully controls: started with `posix_spawn` in its own
/// process group, its output drained concurrently into a capped capture, its memory watched, and
/// always killed and reaped in the end, whatever it does.
///
/// Two threads serve each child: a reaper blocked in `waitpid` (so the exit is seen at once even
/// when a grandchild keeps the output pipes open), and a monitor that reads the pipes with `poll`
/// and checks memory. When the child ends, for whatever reason, the reaper at once kills what is
/// left of its process group and sweeps away every process carrying the `BACKENDLINGS_RUN_ID` the
/// child got in its environment (that finds processes that left the group). Stop a child with
/// `terminate(grace:)`; if the caller throws or forgets, `deinit` kills the group.
///
/// The first `ChildProcess` makes this process a child subreaper (Linux `PR_SET_CHILD_SUBREAPER`):
/// processes whose parent dies are re-parented to us instead of to init, so they can be killed and
/// reaped. `PR_SET_PDEATHSIG` is deliberately not used: `posix_spawn` offers no hook to set it in
/// the child, and the signal fires when the spawning *thread* ends, which for pool threads is any
/// time. Call `ChildProcess.killAllOnExit()` in `main` so children also die when we are interrupted.
public final class ChildProcess: Sendable {
    /// Where the child's standard error goes.
    public enum StandardError: Sendable {
        /// Its own pipe: captured in arrival order with stdout, but lines report `.standardError`.
        case separate
        /// Descriptor 2 is the stdout pipe: one stream, exactly as a terminal would show it.
        case mergedIntoStandardOutput
    }

    /// The child's process id, which is also its process group id.
    public let pid: Int32
    /// The path (or name looked up in `PATH`) it was started from.
    public let executable: String
    /// The `BACKENDLINGS_RUN_ID` the child and its descendants carry.
    public var runIdentifier: String { runID.value }

    let runID: RunID
    private let state: ChildState
    private let stopping = NSLock()

    /// Starts `executable` with `arguments`. The child's stdin is /dev/null and its working directory
    /// is `workingDirectory` (or ours). `onLine` sees every complete output line on the monitor
    /// thread, as it arrives: keep it quick, and never call `terminate` from it.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: ChildEnvironment = .inherit(),
        workingDirectory: String? = nil,
        standardError: StandardError = .separate,
        limits: ProcessLimits = .none,
        onLine: (@Sendable (OutputLine) -> Void)? = nil
    ) throws(ChildProcessError) {
        _ = Self.becomeSubreaper
        if let workingDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: workingDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { throw .workingDirectoryNotFound(executable: executable, directory: workingDirectory) }
        }
        let runID = RunID.make()
        var fds = DescriptorSet()
        defer { fds.closeAll() }
        let output = try fds.makePipe(for: executable)
        let errors = standardError == .separate ? try fds.makePipe(for: executable) : nil
        let wake = try fds.makePipe(for: executable, nonBlocking: true)
        let spawner = ProcessSpawner(
            executable: executable,
            arguments: arguments,
            environment: environment.resolved().merging([RunID.variableName: runID.value]) { _, id in id },
            workingDirectory: workingDirectory,
            standardOutput: output.write,
            standardError: errors?.write ?? output.write
        )
        let pid = try ChildRegistry.shared.spawnRegistered(runID: runID, executable: executable) {
            () throws(ChildProcessError) in
            try spawner.spawn()
        }
        #if os(Linux)
            if let bytes = limits.addressSpaceBytes { _ = cshim_prlimit_as(pid, bytes) }
        #endif

        self.pid = pid
        self.executable = executable
        self.runID = runID
        self.state = ChildState(wakeFD: fds.take(wake.write))
        var pipes = [OutputMonitor.Pipe(fd: fds.take(output.read), stream: .standardOutput)]
        if let errors { pipes.append(OutputMonitor.Pipe(fd: fds.take(errors.read), stream: .standardError)) }
        let monitor = OutputMonitor(
            state: state,
            pid: pid,
            pipes: pipes,
            wakeFD: fds.take(wake.read),
            residentMemoryLimit: limits.residentMemoryBytes,
            onLine: onLine
        )
        Self.startThread(named: "child-\(pid)-reaper") { [state] in
            let status = Self.reap(pid)
            // Right after the reap the group id cannot have been reused yet, so this is the moment
            // to kill what is left in the group and sweep the tree.
            kill(-pid, SIGKILL)
            state.recordExit(status)
            ProcessSweeper.sweep(runID: runID, processGroup: pid, excluding: pid)
            ChildRegistry.shared.remove(runID)
            state.markTreeSwept()
        }
        Self.startThread(named: "child-\(pid)-output") { monitor.run() }
    }

    deinit {
        // The reaper thread sweeps the tree once the leader is dead; here it only has to die.
        if state.exitStatus == nil { kill(-pid, SIGKILL) }
        state.requestMonitorStop()
    }

    // MARK: State

    /// How the child ended; `nil` while it runs (or before the reaper has collected it).
    public var exitStatus: ExitStatus? { state.exitStatus }

    /// `true` once the child has exited and been reaped.
    public var hasExited: Bool { state.exitStatus != nil }

    /// Set when the grader killed the child for going over a limit (the exit status is then SIGKILL).
    public var limitViolation: LimitViolation? { state.limitViolation }

    /// A snapshot of the output so far: stdout and stderr interleaved in arrival order, the first
    /// 64 KiB and the last 16 KiB kept, the bytes in between counted.
    public var output: CapturedOutput { state.output }

    /// Returns once everything the child has written so far has been read into `output` (the
    /// output is read on another thread). For telling apart what it printed before and after a point.
    public func waitForPendingOutput(timeout: Duration = .milliseconds(100)) {
        state.waitForPendingOutput(timeout: timeout)
    }

    /// Calls `observer` once when the child exits (at once if it already has), on the reaper thread.
    func whenExited(_ observer: @escaping @Sendable (ExitStatus) -> Void) {
        state.whenExited(observer)
    }

    // MARK: Control

    /// Blocks until the child exits or `timeout` passes; returns `nil` on timeout.
    /// From async code prefer the `async` overload, which blocks no thread.
    public func wait(timeout: Duration? = nil) -> ExitStatus? {
        state.waitForExit(timeout: timeout)
    }

    /// Sends `signal` to the child (or, with `toGroup`, to its whole process group). Returns `false`
    /// when the child is already gone and nothing was sent.
    @discardableResult
    public func sendSignal(_ signal: Int32, toGroup: Bool = false) -> Bool {
        guard state.exitStatus == nil else { return false }
        return kill(toGroup ? -pid : pid, signal) == 0
    }

    /// Stops the child and everything it started: SIGTERM to the process group, up to `grace` for the
    /// child to exit, then SIGKILL to the group; once it is gone, whatever is left of its group and
    /// every process carrying its run id is killed and reaped, and the rest of its output is read.
    /// Safe to call more than once and after the child exited on its own (then it only waits for
    /// the cleanup). Returns how the child ended (SIGKILL if it could not be reaped within 30
    /// seconds of the kill, which only a process stuck in the kernel would cause).
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) -> ExitStatus {
        stopping.lock()
        defer { stopping.unlock() }
        if state.isCleanedUp, let status = state.exitStatus { return status }
        // Signal the group only while the leader is unreaped: until then its id is ours.
        if state.exitStatus == nil {
            kill(-pid, SIGTERM)
            _ = state.waitForExit(timeout: grace)
        }
        if state.exitStatus == nil {
            kill(-pid, SIGKILL)
            _ = state.waitForExit(timeout: .seconds(30))
        }
        _ = state.waitForTreeSwept(timeout: .seconds(5))
        // Anything of the run started while that sweep ran (run id only: the group id is stale now).
        ProcessSweeper.sweep(runID: runID, processGroup: nil, excluding: pid)
        if !state.waitForMonitor(timeout: .seconds(1)) {
            state.requestMonitorStop()
            _ = state.waitForMonitor(timeout: .seconds(1))
        }
        state.markCleanedUp()
        return state.exitStatus ?? .signaled(SIGKILL)
    }

    // MARK: Helpers

    private static let becomeSubreaper: Void = {
        #if os(Linux)
            _ = cshim_set_child_subreaper()
        #endif
    }()

    /// Blocks in `waitpid` until `pid` ends.
    private static func reap(_ pid: Int32) -> ExitStatus {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return ExitStatus(waitStatus: status) }
            if result < 0 && errno == EINTR { continue }
            return .exited(-1)  // someone else reaped it; nothing more can be known
        }
    }

    private static func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }
}
