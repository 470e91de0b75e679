import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildProcess {
    /// The variable a runner sets to its own pid for a grader it starts, so the grader knows whom
    /// to outlive by no more than a moment even if that parent died before the grader looked.
    public static let parentVariable = "BACKENDLINGS_PARENT_PID"

    /// How often the watch looks at the parent.
    static let parentWatchInterval: UInt32 = 100_000  // microseconds

    /// Makes this process stop everything it started and exit as soon as its parent is gone (the
    /// parent was killed with SIGKILL, which no handler sees): a thread compares `getppid()` with
    /// the parent named by `BACKENDLINGS_PARENT_PID` (or the parent at the first call) every 100 ms.
    ///
    /// For a compiled grader: `kill -9` of `backendlings check` must not leave the grader and the
    /// learner's server running. `PR_SET_PDEATHSIG` does not fit: `posix_spawn` cannot set it in
    /// the child, and it follows the spawning thread, not the process. Calling it again does nothing.
    public static func exitWhenParentDies() {
        _ = startParentWatch
    }

    private static let startParentWatch: Void = {
        let named = ProcessInfo.processInfo.environment[parentVariable].flatMap { Int32($0) }
        let parent = named ?? getppid()
        let thread = Thread {
            while getppid() == parent { usleep(parentWatchInterval) }
            ChildRegistry.shared.killAll()
            _exit(1)
        }
        thread.name = "parent-watch"
        thread.stackSize = 1 << 18
        thread.start()
    }()
}
