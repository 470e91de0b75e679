import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Runs `body` while holding an exclusive `flock` on `lockFile` (created if missing, never
    /// deleted: removing a lock file lets two holders lock different files).
    ///
    /// `flock` locks belong to the open file, so the lock excludes other processes (a watch session
    /// and a `check` in another terminal) and other threads of this process alike. The call blocks
    /// until the lock is free; the lock is released when `body` returns or throws, and by the kernel
    /// if the process dies.
    public static func withExclusiveLock<T>(
        _ lockFile: URL, _ body: () throws -> T
    ) throws -> T {
        let path = lockFile.path
        let fd = openDescriptor(path, O_RDWR | O_CREAT, mode: 0o644)
        guard fd >= 0 else { throw FileSystemError.fromErrno("open the lock file", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw FileSystemError.fromErrno("lock", path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
