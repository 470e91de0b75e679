import Grader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call on a file or folder failed.
///
/// It keeps the operation, the path and `errno`, so the message says which file was involved and what
/// the operating system reported; callers that know more (for example "your progress file") wrap it in
/// their own error instead of showing it bare.
public struct FileSystemError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was being attempted, in words: "read", "write", "create the folder", "lock", ...
    public var operation: String
    /// The absolute path involved.
    public var path: String
    /// The `errno` value the system call left, or 0 when the failure was found by our own check.
    public var code: Int32
    /// Extra words when `code` alone does not explain the failure.
    public var detail: String?

    public init(operation: String, path: String, code: Int32, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// Builds the error from the current `errno`; call it straight after the failing system call.
    static func fromErrno(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }

    /// The operation in Indonesian, for the common ones; others stay as written (English).
    static func indonesian(_ operation: String) -> String {
        let known = [
            "read": "membaca", "write": "menulis", "update": "memperbarui", "flush": "menyimpan",
            "create the folder": "membuat folder", "create": "membuat", "remove": "menghapus",
            "replace": "mengganti", "lock": "mengunci", "list the folder": "membaca isi folder",
            "open the lock file": "membuka file kunci", "read the link": "membaca link",
            "create the link": "membuat link", "copy the starter to": "menyalin kode awal ke",
            "restore the starter into": "mengembalikan kode awal ke",
        ]
        return known[operation] ?? operation
    }

    public var description: String {
        var reason = detail ?? ""
        if code != 0 {
            let systemText = String(cString: strerror(code))
            reason = reason.isEmpty ? systemText : "\(reason) (\(systemText))"
        }
        var text = Words(
            "Could not \(operation) \(path): \(reason).",
            id: "Gagal \(Self.indonesian(operation)) \(path): \(reason)."
        ).text
        switch code {
        case EACCES, EPERM:
            text +=
                " "
                + Words(
                    "Check that your user may read and write there.",
                    id: "Pastikan user-mu boleh membaca dan menulis di sana."
                ).text
        case ENOSPC:
            text +=
                " "
                + Words(
                    "Free some disk space, then try again.", id: "Kosongkan sedikit disk, lalu coba lagi."
                ).text
        default:
            break
        }
        return text
    }
}
