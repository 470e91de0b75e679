import CSystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The descriptors opened while a child is being started, so that every one still owned is closed
/// on every path out (`closeAll()` in a `defer`), and the ones handed on are `take`n out first.
struct DescriptorSet {
    private var owned: Set<Int32> = []

    /// Creates a CLOEXEC pipe (optionally non-blocking) and owns both ends.
    mutating func makePipe(
        for executable: String,
        nonBlocking: Bool = false
    ) throws(ChildProcessError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        let result = fds.withUnsafeMutableBufferPointer { cshim_pipe_cloexec($0.baseAddress) }
        guard result == 0 else {
            throw .couldNotCreatePipe(executable: executable, reason: ChildProcessError.reason(errno))
        }
        owned.formUnion(fds)
        if nonBlocking {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        return (fds[0], fds[1])
    }

    /// Hands `fd` on: it will not be closed by `closeAll()`.
    mutating func take(_ fd: Int32) -> Int32 {
        owned.remove(fd)
        return fd
    }

    /// Closes what is still owned (in the parent: the pipes' write ends after the spawn).
    mutating func closeAll() {
        for fd in owned { close(fd) }
        owned = []
    }
}
