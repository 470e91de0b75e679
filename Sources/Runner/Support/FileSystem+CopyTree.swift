import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// What `copyTree` did, as paths relative to the copied folder.
    public struct CopyOutcome: Sendable, Equatable {
        /// Files and links that were created.
        public var copied: [String] = []
        /// Files and links left alone because something already had their name.
        public var skipped: [String] = []
    }

    /// Copies a folder's contents into `destination` (created if needed) without ever replacing an
    /// existing file: a name that is already taken is skipped and reported.
    ///
    /// Regular files keep their permission bits, symbolic links are copied as links, and anything
    /// else (sockets, pipes) is ignored. With `flush`, every copied file and folder is `fsync`ed, which
    /// a backup needs before the original may be deleted.
    @discardableResult
    public static func copyTree(
        from source: URL, to destination: URL, flush: Bool = false
    ) throws(FileSystemError) -> CopyOutcome {
        var outcome = CopyOutcome()
        try copyFolder(source.path, destination.path, relative: "", flush: flush, into: &outcome)
        return outcome
    }

    /// Every entry under a folder with its size: files map to their byte count, folders to -1 and
    /// symbolic links to -2. Two equal listings mean a copy has the same shape as its original.
    public static func treeListing(_ url: URL) throws(FileSystemError) -> [String: Int64] {
        var listing: [String: Int64] = [:]
        try list(url, relative: "", into: &listing)
        return listing
    }

    private static func list(_ url: URL, relative: String, into listing: inout [String: Int64])
        throws(FileSystemError)
    {
        for name in try contentsOfDirectory(url) {
            let child = url.appendingPathComponent(name)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            switch kind(of: child) {
            case .directory:
                listing[path] = -1
                try list(child, relative: path, into: &listing)
            case .symbolicLink:
                listing[path] = -2
            case .file:
                listing[path] = size(of: child) ?? 0
            case .missing, .other:
                break
            }
        }
    }

    private static func copyFolder(
        _ source: String, _ destination: String, relative: String, flush: Bool,
        into outcome: inout CopyOutcome
    ) throws(FileSystemError) {
        try createDirectory(URL(fileURLWithPath: destination))
        for name in try contentsOfDirectory(URL(fileURLWithPath: source)) {
            let from = "\(source)/\(name)"
            let to = "\(destination)/\(name)"
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            switch kind(of: URL(fileURLWithPath: from)) {
            case .directory:
                try copyFolder(from, to, relative: path, flush: flush, into: &outcome)
            case .file:
                if try copyFile(from, to, flush: flush) {
                    outcome.copied.append(path)
                } else {
                    outcome.skipped.append(path)
                }
            case .symbolicLink:
                if try copyLink(from, to) {
                    outcome.copied.append(path)
                } else {
                    outcome.skipped.append(path)
                }
            case .missing, .other:
                break
            }
        }
        if flush { syncDirectory(destination) }
    }

    /// Copies one regular file; false when the destination name already exists.
    private static func copyFile(_ source: String, _ destination: String, flush: Bool) throws(FileSystemError)
        -> Bool
    {
        let input = openDescriptor(source, O_RDONLY)
        guard input >= 0 else { throw .fromErrno("read", source) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw .fromErrno("read", source) }
        let output = openDescriptor(destination, O_WRONLY | O_CREAT | O_EXCL, mode: info.st_mode & 0o777)
        if output < 0 {
            if errno == EEXIST { return false }
            throw .fromErrno("create", destination)
        }
        var failure: FileSystemError?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while failure == nil {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = .fromErrno("read", source)
            } else if count == 0 {
                break
            } else if !writeAll(output, Data(buffer[0..<count])) {
                failure = .fromErrno("write", destination)
            }
        }
        if failure == nil, flush, fsync(output) != 0 {
            failure = .fromErrno("flush", destination)
        }
        if close(output) != 0, failure == nil {
            failure = .fromErrno("write", destination)
        }
        if let failure { throw failure }
        return true
    }

    /// Recreates a symbolic link with the same target; false when the destination name already exists.
    private static func copyLink(_ source: String, _ destination: String) throws(FileSystemError) -> Bool {
        var buffer = [Int8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(source, &buffer, buffer.count - 1)
        guard length >= 0 else { throw .fromErrno("read the link", source) }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if symlink(target, destination) != 0 {
            if errno == EEXIST { return false }
            throw .fromErrno("create the link", destination)
        }
        return true
    }
}
