#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds changes by scanning every relevant file's size, times and inode at a fixed interval and
/// comparing with the previous scan: added, removed and modified files are all changes.
final class FileWatcherPollingSource: FileWatcherSource {
    let backend = FileWatcher.Backend.polling
    private let roots: [String]
    private let filter: FileWatcherFilter
    private let interval: UInt64
    private var snapshot: [String: FileWatcherDirectoryWalker.Stamp]
    private var nextScan: UInt64

    /// Takes the first snapshot now, so changes made after `init` returns are reported.
    init(roots: [String], filter: FileWatcherFilter, interval: UInt64) {
        self.roots = roots
        self.filter = filter
        self.interval = interval
        self.snapshot = Self.scan(roots, filter)
        self.nextScan = FileWatcherDebouncer.now() + interval
    }

    func waitForChanges(timeoutMilliseconds: Int32) -> FileWatcherSourceResult {
        let now = FileWatcherDebouncer.now()
        let wakeUp = min(nextScan, now + UInt64(max(0, timeoutMilliseconds)) * 1_000_000)
        if wakeUp > now { sleep(nanoseconds: wakeUp - now) }
        guard FileWatcherDebouncer.now() >= nextScan else { return FileWatcherSourceResult() }
        let current = Self.scan(roots, filter)
        var changed: [String] = []
        for (path, stamp) in current where snapshot[path] != stamp { changed.append(path) }
        for path in snapshot.keys where current[path] == nil { changed.append(path) }
        snapshot = current
        nextScan = FileWatcherDebouncer.now() + interval
        return FileWatcherSourceResult(paths: changed)
    }

    func close() {}

    private static func scan(_ roots: [String], _ filter: FileWatcherFilter) -> [String:
        FileWatcherDirectoryWalker.Stamp]
    {
        var files: [String: FileWatcherDirectoryWalker.Stamp] = [:]
        for root in roots {
            files.merge(FileWatcherDirectoryWalker.relevantFiles(under: root, filter: filter)) { first, _ in
                first
            }
        }
        return files
    }

    private func sleep(nanoseconds: UInt64) {
        var request = timespec(
            tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
