#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists folders for the watcher with `opendir`/`lstat`: symbolic links are never followed (no loops,
/// no watching outside the workspace), and each file gets a ``Stamp`` the polling backend compares.
enum FileWatcherDirectoryWalker {
    /// What polling compares between two scans. The inode catches a file replaced by rename even when
    /// size and time happen to match; the change time catches edits that keep the modification time.
    struct Stamp: Equatable, Sendable {
        var modified: Int64
        var changed: Int64
        var size: Int64
        var inode: UInt64
    }

    struct Entry: Sendable {
        var name: String
        var path: String
        var isDirectory: Bool
        var stamp: Stamp
    }

    /// The entries of one folder (without `.` and `..`), or `[]` if it cannot be read (it may have
    /// been deleted a moment ago; the watcher reports that through its own events or the next scan).
    static func entries(of directory: String) -> [Entry] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var result: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            guard let (isDirectory, stamp) = status(of: path) else { continue }
            result.append(Entry(name: name, path: path, isDirectory: isDirectory, stamp: stamp))
        }
        return result
    }

    /// Every relevant file under `root` (in watched folders only), with its stamp.
    static func relevantFiles(under root: String, filter: FileWatcherFilter) -> [String: Stamp] {
        var files: [String: Stamp] = [:]
        var pending = [root]
        while let directory = pending.popLast() {
            for entry in entries(of: directory) {
                if entry.isDirectory {
                    if filter.watchesDirectory(named: entry.name) { pending.append(entry.path) }
                } else if filter.isRelevant(fileNamed: entry.name) {
                    files[entry.path] = entry.stamp
                }
            }
        }
        return files
    }

    /// Whether `path` is a folder, following a symbolic link (roots may be links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func status(of path: String) -> (isDirectory: Bool, stamp: Stamp)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        let stamp = Stamp(
            modified: modified, changed: changed, size: Int64(info.st_size), inode: UInt64(info.st_ino))
        return ((info.st_mode & S_IFMT) == S_IFDIR, stamp)
    }
}
