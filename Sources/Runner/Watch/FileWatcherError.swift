/// Why a ``FileWatcher`` could not start. Each description says what to do next.
public enum FileWatcherError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A root to watch does not exist or is not a folder.
    case rootNotFound(path: String)
    /// ``FileWatcher/start()`` was called twice, or after ``FileWatcher/stop()``; make a new watcher.
    case alreadyStarted

    public var description: String {
        switch self {
        case .rootNotFound(let path):
            return "Cannot watch '\(path)': there is no folder there. Check the path, or run "
                + "'backendlings' once to create your workspace."
        case .alreadyStarted:
            return "This file watcher was already started; create a new FileWatcher to watch again."
        }
    }
}
