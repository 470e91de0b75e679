import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Reads a whole file. Used for manifests and progress, which are small; refuses files over
    /// `limit` bytes so a wrong path (say, a database) cannot exhaust memory.
    public static func readFile(_ url: URL, limit: Int = 16 << 20) throws(FileSystemError) -> Data {
        let path = url.path
        let fd = openDescriptor(path, O_RDONLY)
        guard fd >= 0 else { throw .fromErrno("read", path) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno("read", path)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit {
                throw FileSystemError(
                    operation: "read", path: path, code: 0, detail: "the file is larger than \(limit) bytes")
            }
        }
    }

    /// The names inside a folder (hidden ones included), sorted so results are reproducible.
    public static func contentsOfDirectory(_ url: URL) throws(FileSystemError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw FileSystemError(
                operation: "list the folder", path: url.path, code: 0, detail: "\(error.localizedDescription)"
            )
        }
    }

    /// The size in bytes of a file, or nil when it is missing.
    static func size(of url: URL) -> Int64? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// The modification time of a file, or nil when it is missing; tests and callers use it to prove a
    /// file was left alone.
    public static func modificationDate(of url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let spec = info.st_mtimespec
        #else
            let spec = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9)
    }
}
