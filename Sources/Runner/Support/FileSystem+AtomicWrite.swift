import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Replaces `url` with `data` so that a reader (or a crash) sees either the old file or the new
    /// one, never a half-written mix.
    ///
    /// The data goes to a temporary file in the same folder, is flushed with `fsync`, renamed over
    /// the target, and the folder is flushed too so the rename survives a power cut. The temporary
    /// file is removed on any failure. `mode` is the new file's permissions (0755 for a script).
    public static func writeAtomically(_ data: Data, to url: URL, mode: mode_t = 0o644)
        throws(FileSystemError)
    {
        let folder = url.deletingLastPathComponent().path
        let temporary =
            "\(folder)/\(atomicWriteTempPrefix(for: url))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openDescriptor(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: mode)
        guard fd >= 0 else { throw .fromErrno("write", url.path) }
        var failure: FileSystemError?
        if !writeAll(fd, data) {
            failure = .fromErrno("write", url.path)
        } else if fsync(fd) != 0 {
            failure = .fromErrno("flush", url.path)
        }
        if close(fd) != 0, failure == nil {
            failure = .fromErrno("write", url.path)
        }
        if failure == nil, rename(temporary, url.path) != 0 {
            failure = .fromErrno("replace", url.path)
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        syncDirectory(folder)
    }

    /// How the temporary files of `writeAtomically(_:to:)` for `url` begin (`.progress.json.tmp-`),
    /// so the owner of a file can find what a killed writer left behind.
    public static func atomicWriteTempPrefix(for url: URL) -> String {
        ".\(url.lastPathComponent).tmp-"
    }

    /// Writes the string as UTF-8, atomically; see `writeAtomically(_:to:)`.
    public static func writeAtomically(_ text: String, to url: URL, mode: mode_t = 0o644)
        throws(FileSystemError)
    {
        try writeAtomically(Data(text.utf8), to: url, mode: mode)
    }

    /// Writes every byte, retrying on short writes and interrupted calls; false leaves `errno` set.
    static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Flushes a folder's entries (a new or renamed name) to disk; failures are ignored because some
    /// file systems do not support it and the data itself is already safe.
    static func syncDirectory(_ path: String) {
        let fd = openDescriptor(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
