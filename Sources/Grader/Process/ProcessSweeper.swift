#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds, kills and reaps whatever a child left behind: every process still in its process group and
/// every process whose environment carries its run id (or an id nested under it), including
/// processes that moved to a group of their own.
///
/// Processes whose parent has died are re-parented to the grader (it is a child subreaper, see
/// `ChildProcess`), so the sweeper can also reap them and leave no zombie. Linux only; elsewhere it
/// finds nothing and the process-group kill is all there is.
enum ProcessSweeper {
    /// Kills what belongs to the run and waits (up to `deadline`) until each is gone or reaped.
    /// `leader` is skipped: its own reaper thread collects its exit status.
    ///
    /// Match by `processGroup` only while the leader is unreaped or was reaped a moment ago: once a
    /// group is empty its number can be reused by an unrelated process group. Matching by run id has
    /// no such risk. Returns how many processes it killed.
    @discardableResult
    static func sweep(
        runID: RunID,
        processGroup: Int32?,
        excluding leader: Int32,
        deadline: Duration = .seconds(2)
    ) -> Int {
        let me = getpid()
        let clock = ContinuousClock()
        let end = clock.now + deadline
        var known: [Int32: UInt64] = [:]  // pid → start time, so a reused pid is never touched
        var killed = 0
        while true {
            var found = false
            for pid in ProcFS.processIDs() where pid != me && pid != leader && pid > 0 {
                guard let stat = ProcFS.stat(of: pid), known[pid] != stat.startTime else { continue }
                guard belongs(stat, runID: runID, processGroup: processGroup) else { continue }
                known[pid] = stat.startTime
                kill(pid, SIGKILL)
                killed += 1
                found = true
            }
            reapOrForget(&known, me: me)
            if (known.isEmpty && !found) || clock.now >= end { break }
            usleep(5_000)
        }
        return killed
    }

    private static func belongs(_ stat: ProcFS.Stat, runID: RunID, processGroup: Int32?) -> Bool {
        if let processGroup, stat.processGroup == processGroup { return true }
        guard let id = ProcFS.runID(of: stat.pid) else { return false }
        return runID.covers(id)
    }

    /// Reaps the known processes that are zombies of ours and forgets the ones that are gone.
    private static func reapOrForget(_ known: inout [Int32: UInt64], me: Int32) {
        for (pid, startTime) in known {
            guard let stat = ProcFS.stat(of: pid), stat.startTime == startTime else {
                known[pid] = nil
                continue
            }
            if stat.parent == me {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { known[pid] = nil }
            } else if stat.state != "Z" {
                kill(pid, SIGKILL)
            }
        }
    }
}
