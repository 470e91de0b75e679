import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildProcess {
    /// Makes sure no child outlives this process: installs handlers for SIGINT, SIGTERM and SIGHUP
    /// that kill every live child's process group (and sweep what left it) before the process dies
    /// of that same signal, and an `atexit` hook that does the same on a normal `exit`.
    ///
    /// Call it once, early in `main`, in any program that spawns children: the runner's command line
    /// and a compiled grader's `GraderMain`. Needed because children run in process groups of their
    /// own, so a Ctrl-C in the terminal reaches only this process, not them. Calling it again does
    /// nothing. Afterwards a `ChildProcess` can no longer be started once shutdown has begun.
    /// Tests should not call it: it changes how the whole test process reacts to signals.
    public static func killAllOnExit() {
        _ = installShutdownHooks
    }

    /// `true` once the hooks of `killAllOnExit()` (or `killAll()`) began stopping every child:
    /// this process is about to end, by the signal it received when that was the cause.
    public static var isShuttingDown: Bool { ChildRegistry.shared.isShuttingDown }

    /// Blocks the calling thread for good, for a main thread that would otherwise return its own exit
    /// status while a signal handler is ending the process: then the process always ends the same
    /// way, by that signal (a shell shows 130 after Ctrl-C).
    public static func waitForShutdown() -> Never {
        while true { pause() }
    }

    /// Stops every live child now (SIGTERM to each group, up to a second, SIGKILL, then a sweep). Used by the hooks above;
    /// callable directly by a program that is about to `_exit`.
    public static func killAll() {
        ChildRegistry.shared.killAll()
    }

    private static let installShutdownHooks: Void = {
        atexit { ChildRegistry.shared.killAll() }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ChildRegistry.shared.killAll()
                // Die of the same signal, so whoever started us sees what happened. Dispatch blocks
                // the signal in its threads (it reads it through a signalfd), so unblock it here first.
                signal(number, SIG_DFL)
                var only = sigset_t()
                sigemptyset(&only)
                sigaddset(&only, number)
                pthread_sigmask(SIG_UNBLOCK, &only, nil)
                raise(number)
                exit(128 + number)
            }
            source.resume()
            ChildRegistry.shared.retain(source)
        }
    }()
}
