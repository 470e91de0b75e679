import Foundation
import Grader

/// The watcher's thread: asks the source for changes, debounces them, and yields one
/// ``FileWatcher/Event/changed(_:)`` per burst. Switches to polling, once, if inotify breaks.
final class FileWatcherLoop: @unchecked Sendable {
    // @unchecked Sendable: the two flags need `lock`; `source`, `debouncer` are the thread's.
    private let roots: [String]
    private let options: FileWatcher.Options
    private let continuation: AsyncStream<FileWatcher.Event>.Continuation
    /// Signalled when the thread has ended and the source is closed.
    let finished = DispatchSemaphore(value: 0)

    private let lock = NSLock()
    private var stopRequested = false
    private var currentBackend: FileWatcher.Backend

    /// Only touched on the loop's thread once it runs.
    private var source: any FileWatcherSource
    private var debouncer: FileWatcherDebouncer

    /// How long the thread waits before it looks at the stop flag again; bounds `stop()`'s wait.
    private static let stopCheckMilliseconds: Int64 = 100

    init(
        source: any FileWatcherSource,
        roots: [String],
        options: FileWatcher.Options,
        continuation: AsyncStream<FileWatcher.Event>.Continuation
    ) {
        self.source = source
        self.roots = roots
        self.options = options
        self.continuation = continuation
        self.currentBackend = source.backend
        self.debouncer = Self.debouncer(for: source.backend, options: options)
    }

    var backend: FileWatcher.Backend {
        lock.lock()
        defer { lock.unlock() }
        return currentBackend
    }

    func requestStop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    func run() {
        while !shouldStop {
            var timeout = Self.stopCheckMilliseconds
            if let deadline = debouncer.deadline {
                let now = FileWatcherDebouncer.now()
                timeout = min(timeout, deadline > now ? Int64((deadline - now) / 1_000_000) + 1 : 0)
            }
            let result = source.waitForChanges(timeoutMilliseconds: Int32(timeout))
            debouncer.record(result.paths, at: FileWatcherDebouncer.now())
            if let failure = result.failure { switchToPolling(because: failure) }
            if let burst = debouncer.takeIfDue(at: FileWatcherDebouncer.now()) {
                continuation.yield(.changed(burst))
            }
        }
        source.close()
    }

    private func switchToPolling(because reason: String) {
        source.close()
        source = FileWatcherPollingSource(
            roots: roots, filter: options.filter, interval: options.pollInterval.wholeNanoseconds)
        var replacement = Self.debouncer(for: .polling, options: options)
        replacement.record(debouncer.pending, at: FileWatcherDebouncer.now())
        debouncer = replacement
        lock.lock()
        currentBackend = .polling
        lock.unlock()
        continuation.yield(.switchedToPolling(message: Self.pollingMessage(reason: reason, options: options)))
    }

    /// The sentence shown when inotify cannot be used.
    static func pollingMessage(reason: String, options: FileWatcher.Options) -> String {
        let milliseconds = options.pollInterval.wholeNanoseconds / 1_000_000
        let seconds = Double(milliseconds) / 1000
        return "Could not watch your files with inotify: \(reason). "
            + "Checking for changes every \(seconds) seconds instead."
    }

    /// Polling waits one scan interval longer, so a save split across two scans is still one burst.
    static func debouncer(for backend: FileWatcher.Backend, options: FileWatcher.Options)
        -> FileWatcherDebouncer
    {
        var quiet = options.debounce.wholeNanoseconds
        if backend == .polling { quiet += options.pollInterval.wholeNanoseconds }
        return FileWatcherDebouncer(
            quietPeriod: quiet, maximumDelay: options.maximumDelay.wholeNanoseconds)
    }
}
