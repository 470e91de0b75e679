import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fast, stable hash of files' paths and contents (FNV-1a, 64 bits), used to tell whether a
/// compiled binary is still up to date without asking SwiftPM, which costs a few hundred ms.
///
/// Not for security: only to decide whether to skip a build.
public struct Fingerprint: Sendable, Equatable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    /// Adds every regular file below `folder` (sorted by path; hidden files and `.build` skipped).
    public mutating func addTree(_ folder: URL) {
        for file in Self.files(below: folder) {
            add(file.path)
            add([0])
            if let data = try? Data(contentsOf: file) { add(data) }
            add([0])
        }
    }

    /// Adds every regular file below `folder` by path, size and modification time, without reading
    /// it: for sources that change only with a checkout update (BackendKit), where reading ~60 files
    /// on every save would cost ~10 ms.
    public mutating func addTreeMetadata(_ folder: URL) {
        for file in Self.regularFiles(below: folder) {
            add(file.path)
            add("\(file.size) \(file.modified.seconds).\(file.modified.nanoseconds)")
            add([0])
        }
    }

    public var description: String { String(value, radix: 16) }

    /// Every regular file below `folder`, sorted by path: hidden names, `.build` folders and
    /// symbolic links left out.
    static func files(below folder: URL) -> [URL] {
        regularFiles(below: folder).map { URL(fileURLWithPath: $0.path) }
    }

    /// One file found by `regularFiles(below:)`: its path, size and modification time.
    struct Entry {
        var path: String
        var size: Int64
        var modified: (seconds: Int, nanoseconds: Int)
    }

    /// The walk behind `files(below:)`, with `lstat` and `readdir` rather than FileManager's
    /// enumerator and URL resource values: it runs on every save, and for BackendKit's sources the
    /// enumerator took most of the fingerprint's ~20 ms.
    static func regularFiles(below folder: URL) -> [Entry] {
        var found: [Entry] = []
        var pending = [folder.resolvingSymlinksInPath().path]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }  // hidden names: ., .., .build, .git
                let path = directory + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    found.append(
                        Entry(path: path, size: Int64(info.st_size), modified: modificationTime(info)))
                default:
                    continue  // symbolic links, sockets, devices
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    private static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Darwin)
            (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #else
            (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #endif
    }
}
