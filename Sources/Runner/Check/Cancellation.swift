import Foundation
import Grader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lets watch mode stop a check that a newer save made pointless: the compiler, linker or grader it
/// is waiting for is stopped at once, and the check ends with ``CheckCancelled`` instead of a
/// verdict (nothing is recorded in progress).
///
/// A check registers each child process it waits for; ``cancel()`` stops the ones running and
/// refuses new ones. The grader's own first build is never registered: it does not depend on the
/// learner's code, so a save must not throw its progress away.
public final class Cancellation: @unchecked Sendable {
    // @unchecked Sendable: `cancelled` and `children` are guarded by `lock`.
    private let lock = NSLock()
    private var cancelled = false
    private var children: [ChildProcess] = []

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Stops the registered children (SIGTERM to each group, SIGKILL a second later, on a thread of
    /// its own so the caller never waits) and marks the check cancelled.
    public func cancel() {
        let running: [ChildProcess] = lock.withLock {
            cancelled = true
            defer { children.removeAll() }
            return children
        }
        for child in running {
            Thread.detachNewThread { child.terminate(grace: .seconds(1)) }
        }
    }

    /// Throws ``CheckCancelled`` once cancelled; called between the steps of a check.
    public func check() throws(CheckCancelled) {
        if isCancelled { throw CheckCancelled() }
    }

    /// Registers `child` for the time `body` runs; a child started after `cancel()` is stopped at once.
    func track<T>(_ child: ChildProcess, _ body: () throws -> T) rethrows -> T {
        let accepted: Bool = lock.withLock {
            guard !cancelled else { return false }
            children.append(child)
            return true
        }
        if !accepted { child.sendSignal(SIGKILL, toGroup: true) }
        defer { lock.withLock { children.removeAll { $0 === child } } }
        return try body()
    }

    /// Runs a command to completion like `ChildProcess.run`, stopped early by `cancellation`.
    static func run(
        executable: String, arguments: [String], environment: ChildEnvironment = .inherit(),
        workingDirectory: String? = nil, timeout: Duration, cancellation: Cancellation?
    ) throws -> (status: ExitStatus, output: CapturedOutput) {
        guard let cancellation else {
            return try ChildProcess.run(
                executable: executable, arguments: arguments, environment: environment,
                workingDirectory: workingDirectory, timeout: timeout)
        }
        try cancellation.check()
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: environment,
            workingDirectory: workingDirectory, standardError: .mergedIntoStandardOutput)
        let status = cancellation.track(child) { child.wait(timeout: timeout) }
        try cancellation.check()
        guard let status else {
            child.terminate(grace: .seconds(2))
            throw ChildProcessError.timedOut(
                command: ([executable] + arguments).joined(separator: " "), timeout: timeout,
                output: child.output)
        }
        // A command that succeeded has said all that matters; its reaper thread finishes the
        // cleanup on its own. Waiting for that (two sweeps of /proc) costs ~15 ms per command,
        // three commands per save. A failure's output is read to the end.
        if status.isSuccess { return (status, child.output) }
        child.terminate(grace: .zero)
        return (status, child.output)
    }
}

/// A check stopped by ``Cancellation`` because a newer save (or `r`) replaced it.
public struct CheckCancelled: Error, Sendable, Equatable {
    public init() {}
}
