import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// `date` as `yyyyMMdd-HHmmss` in UTC, the stamp in backup and moved-aside file names; it sorts
    /// in time order and contains nothing a shell or file system dislikes.
    public static func fileNameTimestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }

    /// The first of `base`, `base-2`, `base-3`, ... that names nothing inside `folder`.
    public static func unusedName(_ base: String, in folder: URL) -> URL {
        var candidate = folder.appendingPathComponent(base)
        var counter = 2
        while exists(candidate) {
            candidate = folder.appendingPathComponent("\(base)-\(counter)")
            counter += 1
        }
        return candidate
    }

    /// Creates a new, empty folder named `base` (or `base-2`, `base-3`, ...) inside `folder`; the
    /// `mkdir` itself decides, so two callers can never get the same folder.
    public static func createUniqueDirectory(_ base: String, in folder: URL) throws(FileSystemError) -> URL {
        try createDirectory(folder)
        var counter = 1
        while true {
            let name = counter == 1 ? base : "\(base)-\(counter)"
            let candidate = folder.appendingPathComponent(name)
            if mkdir(candidate.path, 0o755) == 0 { return candidate }
            if errno != EEXIST { throw .fromErrno("create the folder", candidate.path) }
            counter += 1
        }
    }

    /// An absolute path with `.`/`..` removed and symbolic links resolved, even when the last parts do
    /// not exist yet (the longest existing ancestor is resolved, the rest appended). Two canonical
    /// paths can be compared to tell whether one folder is inside another.
    public static func canonicalPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                guard !rest.isEmpty else { return base }
                let tail = rest.reversed().joined(separator: "/")
                return base == "/" ? "/" + tail : base + "/" + tail
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return url.standardizedFileURL.path }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// The path of `url` relative to `base` when it lies inside it ("workspace/01-databases"), `.` when
    /// they are the same folder, nil otherwise.
    public static func relativePath(of url: URL, inside base: URL) -> String? {
        let path = canonicalPath(url)
        let root = canonicalPath(base)
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    /// How to show `url` to a person working in `currentDirectory`: relative when it is inside it,
    /// absolute otherwise.
    public static func displayPath(_ url: URL, from currentDirectory: URL) -> String {
        relativePath(of: url, inside: currentDirectory) ?? canonicalPath(url)
    }

    /// The current directory of this process.
    public static var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}
