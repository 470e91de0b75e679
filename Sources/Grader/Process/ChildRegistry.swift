import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The children of this process that are still running (or not yet cleaned up), so that everything
/// can be killed at once when the grader itself is told to stop (see `ChildProcess.killAllOnExit()`).
///
/// Spawning happens under the registry's lock, so a child is either registered before a shutdown
/// starts or never started at all.
final class ChildRegistry: @unchecked Sendable {
    // @unchecked Sendable: `live`, `shuttingDown` and `signalSources` are guarded by `lock`.
    static let shared = ChildRegistry()

    private struct Entry {
        var runID: RunID
        var processGroup: Int32
    }

    private let lock = NSLock()
    private var live: [String: Entry] = [:]
    private var shuttingDown = false
    private var signalSources: [any DispatchSourceSignal] = []

    /// Runs `spawn` (which returns the new process group) and registers the child in one step.
    func spawnRegistered(
        runID: RunID,
        executable: String,
        _ spawn: () throws(ChildProcessError) -> Int32
    ) throws(ChildProcessError) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard !shuttingDown else { throw .shuttingDown(executable: executable) }
        let group = try spawn()
        live[runID.value] = Entry(runID: runID, processGroup: group)
        return group
    }

    /// Whether `killAll` has begun (a signal or `exit` is ending this process).
    var isShuttingDown: Bool { lock.withLock { shuttingDown } }

    func remove(_ runID: RunID) {
        lock.withLock { _ = live.removeValue(forKey: runID.value) }
    }

    /// SIGKILLs every registered process group, then sweeps each run for processes that left it.
    /// After this no new child can be spawned. (A child leaves the registry when its reaper has
    /// swept its tree, so each group here still belongs to us.)
    func killAll() {
        let entries: [Entry] = lock.withLock {
            shuttingDown = true
            defer { live = [:] }
            return Array(live.values)
        }
        // SIGTERM first, so a learner's server stopped by Ctrl-C in `serve` shuts down gracefully
        // (and says so in its log); whatever is still there after a second is killed.
        for entry in entries { kill(-entry.processGroup, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline && entries.contains(where: { kill(-$0.processGroup, 0) == 0 }) {
            usleep(20_000)
        }
        for entry in entries { kill(-entry.processGroup, SIGKILL) }
        for entry in entries {
            ProcessSweeper.sweep(
                runID: entry.runID,
                processGroup: entry.processGroup,
                excluding: entry.processGroup,
                deadline: .milliseconds(500)
            )
        }
    }

    /// Keeps the signal sources alive for the life of the process.
    func retain(_ source: any DispatchSourceSignal) {
        lock.withLock { signalSources.append(source) }
    }
}
