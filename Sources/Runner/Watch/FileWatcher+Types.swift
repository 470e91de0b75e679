extension FileWatcher {
    /// What the watcher reports.
    public enum Event: Equatable, Sendable {
        /// Files changed. One event per burst (an editor's write + rename + chmod is one save), carrying
        /// every path that changed in it: absolute when the roots were, always starting with the root
        /// they are under. A path can name a directory when a whole folder disappeared or moved away.
        case changed(Set<String>)
        /// inotify could not be used (or stopped working), so the watcher now scans for changes. Sent at
        /// most once; `message` is a complete sentence to show the learner.
        case switchedToPolling(message: String)
    }

    /// How changes are found.
    public enum Backend: Equatable, Sendable {
        /// The kernel reports changes as they happen (Linux).
        case inotify
        /// The watcher compares file sizes and modification times at a fixed interval. Works
        /// everywhere, including network folders and WSL's Windows drives, where inotify stays silent.
        case polling
    }

    /// How to choose the backend.
    public enum Mode: Equatable, Sendable {
        /// inotify where available, polling otherwise or when inotify fails (reported once with
        /// ``Event/switchedToPolling(message:)``). Polling without notice on platforms with no inotify.
        case automatic
        /// Always poll (`--poll`).
        case polling
    }

    /// Tuning knobs; the defaults are what `backendlings watch` uses.
    public struct Options: Sendable {
        public var mode: Mode
        /// How long the files must stay quiet before a burst of changes is reported.
        public var debounce: Duration
        /// How often the polling backend scans. Polling bursts wait `pollInterval + debounce` of
        /// quiet, so a save caught half-way by one scan is still reported once.
        public var pollInterval: Duration
        /// A burst is reported after this long even if changes keep coming.
        public var maximumDelay: Duration
        public var filter: FileWatcherFilter

        /// The defaults are what `backendlings watch` uses; tests lengthen `debounce` for slow machines.
        public init(
            mode: Mode = .automatic,
            debounce: Duration = .milliseconds(200),
            pollInterval: Duration = .milliseconds(300),
            maximumDelay: Duration = .seconds(2),
            filter: FileWatcherFilter = FileWatcherFilter()
        ) {
            self.mode = mode
            self.debounce = debounce
            self.pollInterval = pollInterval
            self.maximumDelay = maximumDelay
            self.filter = filter
        }
    }
}
