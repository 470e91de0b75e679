import Grader

/// Open files and sockets of the learner's server, for leak lessons: "a failed upload leaves no
/// file open". Counting the process's descriptors before and after a thousand failing requests
/// finds the leak long before the server runs out and stops accepting connections.
extension TestContext {
    /// How many files, sockets and pipes the running server has open now (starting it when it is
    /// not running). Read from /proc, so on a system without it the check is "not checked".
    public func serverOpenFileDescriptors() throws -> Int {
        _ = try runningPort()
        guard let running = lock.withLock({ server }), let count = running.openDescriptorCount else {
            throw CheckFailure.precondition(
                Words(
                    "a /proc file system to count your server's open files",
                    id: "file system /proc untuk menghitung file yang dibuka server kamu"),
                Words(
                    "this machine cannot list a process's open files (/proc/PID/fd), so the grader cannot count your server's",
                    id:
                        "mesin ini tidak bisa menampilkan file yang dibuka sebuah proses (/proc/PID/fd), jadi grader tidak bisa menghitung milik server kamu"
                ))
        }
        return count
    }
}
