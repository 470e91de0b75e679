import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small, careful file operations the runner builds on.
///
/// Everything a learner wrote lives on disk, so these helpers are written to never lose it: writes go
/// through a temporary file and a rename, copies never replace an existing file, and shared state is
/// changed under an exclusive `flock`. Every descriptor is opened with `O_CLOEXEC` so that learner
/// servers started by the runner never inherit them.
public enum FileSystem {
    /// What is at a path, without following a final symbolic link.
    public enum EntryKind: Sendable, Equatable {
        case missing
        case file
        case directory
        case symbolicLink
        case other
    }

    /// Tells what is at `url` (a symbolic link is reported as one, not followed).
    public static func kind(of url: URL) -> EntryKind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// True when `url` is a folder, following symbolic links (a linked lesson folder counts).
    public static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when `url` is a regular file, following symbolic links.
    public static func isFile(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when anything at all is at `url`, including a broken symbolic link.
    public static func exists(_ url: URL) -> Bool {
        kind(of: url) != .missing
    }

    /// Creates `url` and any missing parents; an existing folder is fine.
    public static func createDirectory(_ url: URL) throws(FileSystemError) {
        let path = url.standardizedFileURL.path
        if isDirectory(url) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, !isDirectory(URL(fileURLWithPath: parent)) {
            try createDirectory(URL(fileURLWithPath: parent))
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .fromErrno("create the folder", path)
        }
        guard isDirectory(url) else {
            throw FileSystemError(
                operation: "create the folder", path: path, code: 0,
                detail: "a file with that name is in the way")
        }
    }

    /// Removes a file or a whole folder; a missing path is fine.
    public static func remove(_ url: URL) throws(FileSystemError) {
        guard exists(url) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw FileSystemError(
                operation: "remove", path: url.path, code: 0, detail: "\(error.localizedDescription)")
        }
    }

    /// Renames within one file system; the destination must not exist (checked first, not atomically).
    public static func move(_ source: URL, to destination: URL) throws(FileSystemError) {
        if exists(destination) {
            throw FileSystemError(
                operation: "move \(source.path) to", path: destination.path, code: 0,
                detail: "something is already there")
        }
        guard rename(source.path, destination.path) == 0 else {
            throw FileSystemError(operation: "move \(source.path) to", path: destination.path, code: errno)
        }
    }

    /// Opens `path` with `O_CLOEXEC` added, retrying when a signal interrupts the call.
    static func openDescriptor(_ path: String, _ flags: Int32, mode: mode_t = 0o644) -> Int32 {
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 || errno != EINTR { return fd }
        }
    }
}
