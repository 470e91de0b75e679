import Foundation
import Grader

/// Tells the watch screen when the learner saved a file: one ``Event/changed(_:)`` per save, however
/// many files and steps the editor's save took.
///
/// On Linux it uses inotify on every folder under the roots (new folders are picked up as they
/// appear) and falls back to scanning every 0.3 s when inotify is unavailable or hits a system limit,
/// saying so once. Build output (`.build`), tool folders, hidden files and editor droppings are
/// ignored; only `.swift`, `.json` and `.sql` files count (see ``FileWatcherFilter``).
///
/// ```swift
/// let watcher = FileWatcher(roots: [workspace.path])
/// try watcher.start()
/// for await event in watcher.events { ... }
/// ```
/// The work happens on a thread of its own; ``events`` has a single consumer. ``stop()`` (or dropping
/// the watcher) ends the thread, closes the inotify descriptor and finishes ``events``.
public final class FileWatcher: @unchecked Sendable {
    // @unchecked Sendable: `loop` and `started` are guarded by `lock`; the rest is set once in init.
    /// Every event, in order, from ``start()`` until ``stop()``. Buffered without limit, so a consumer
    /// busy with a check misses nothing; iterate it from one task only.
    public let events: AsyncStream<Event>
    /// The folders watched, as given (without a trailing `/`). Reported paths start with one of them.
    public let roots: [String]
    /// The backend choice, timings and filter this watcher was made with.
    public let options: Options
    private let continuation: AsyncStream<Event>.Continuation
    private let lock = NSLock()
    private var loop: FileWatcherLoop?
    private var started = false

    /// Prepares a watcher; nothing happens until ``start()``.
    /// - Parameter roots: folders to watch with everything below them, e.g. the workspace folder.
    public init(roots: [String], options: Options = Options()) {
        self.roots = roots.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.options = options
        (events, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .unbounded)
    }

    deinit { stop() }

    /// The backend in use; `nil` before ``start()``. It can change from inotify to polling while running.
    public var backend: Backend? {
        lock.lock()
        defer { lock.unlock() }
        return loop?.backend
    }

    /// Starts watching. When this returns, every later change is reported (the watches are in place,
    /// or polling has its first snapshot).
    /// - Throws: ``FileWatcherError/rootNotFound(path:)`` for a missing root, or
    ///   ``FileWatcherError/alreadyStarted``.
    public func start() throws(FileWatcherError) {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { throw .alreadyStarted }
        for root in roots where !FileWatcherDirectoryWalker.isDirectory(root) {
            throw .rootNotFound(path: root)
        }
        started = true
        let (source, notice) = makeSource()
        if let notice { continuation.yield(.switchedToPolling(message: notice)) }
        let loop = FileWatcherLoop(source: source, roots: roots, options: options, continuation: continuation)
        self.loop = loop
        continuation.onTermination = { _ in loop.requestStop() }
        let thread = Thread {
            loop.run()
            loop.finished.signal()
        }
        thread.name = "backendlings.FileWatcher"
        thread.start()
    }

    /// Stops watching and waits (at most ~0.1 s) for the thread to end; then ``events`` finishes.
    /// Safe to call more than once, and before ``start()``.
    public func stop() {
        lock.lock()
        let loop = self.loop
        self.loop = nil
        lock.unlock()
        if let loop {
            loop.requestStop()
            loop.finished.wait()
        }
        continuation.finish()
    }

    private func makeSource() -> (any FileWatcherSource, notice: String?) {
        let interval = options.pollInterval.wholeNanoseconds
        let polling = {
            FileWatcherPollingSource(roots: self.roots, filter: self.options.filter, interval: interval)
        }
        guard options.mode == .automatic else { return (polling(), nil) }
        #if os(Linux)
            do {
                return (try FileWatcherInotifySource(roots: roots, filter: options.filter), nil)
            } catch {
                return (polling(), FileWatcherLoop.pollingMessage(reason: error.reason, options: options))
            }
        #else
            return (polling(), nil)
        #endif
    }
}
