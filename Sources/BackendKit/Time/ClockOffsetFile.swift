import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The grader's offset for `ServerClock.system`: a file holding a number of seconds (`960.5`),
/// named by `BACKENDKIT_CLOCK_OFFSET_FILE`.
///
/// A file works across restarts and for several instances of one server at once, and needs no
/// change in learner code. Reading is cheap: one `stat` per reading, and the file is read again only
/// when its identity (inode, size, modification time) changed; the grader replaces it by rename,
/// so a change is always a new inode. A missing file means no offset.
final class ClockOffsetFile: @unchecked Sendable {
    // @unchecked Sendable: the cache (`identity`, `cachedOffset`, `warned`) is guarded by `lock`.
    /// The variable that turns the controlled clock on.
    static let environmentVariable = "BACKENDKIT_CLOCK_OFFSET_FILE"
    /// The most the file may hold; anything longer is not an offset.
    private static let maxFileBytes = 64

    let path: String
    private let lock = NSLock()  // guards the cache below
    private var identity: FileIdentity?
    private var cachedOffset: Double = 0
    private var warned = false

    init(path: String) {
        self.path = path
    }

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ClockOffsetFile?
    {
        guard let path = environment[environmentVariable], !path.isEmpty else { return nil }
        return ClockOffsetFile(path: path)
    }

    /// The offset in seconds to add to the real time of day.
    func offsetSeconds() -> Double {
        let current = FileIdentity(path: path)
        return lock.withLock {
            if current == identity { return cachedOffset }
            identity = current
            cachedOffset = current == nil ? 0 : readOffset()
            return cachedOffset
        }
    }

    /// Parses the file; a file that is not a number keeps the last good offset and is reported once
    /// on stderr, since it means the grader and this server disagree about the format.
    private func readOffset() -> Double {
        guard let data = FileManager.default.contents(atPath: path), data.count <= Self.maxFileBytes,
            let value = Double(
                String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            value.isFinite
        else {
            if !warned {
                warned = true
                FileHandle.standardError.write(
                    Data(
                        "BackendKit: \(Self.environmentVariable)=\(path) does not hold a number of seconds; the clock keeps its last offset.\n"
                            .utf8))
            }
            return cachedOffset
        }
        return value
    }
}

/// What identifies one version of a file without reading it.
struct FileIdentity: Equatable {
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if os(Linux)
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #else
            modifiedSeconds = Int(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #endif
    }
}
