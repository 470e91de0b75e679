import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads what the grader needs from Linux's `/proc`: which processes exist, their process group,
/// parent and start time, their run id, and their resident memory. Everything returns `nil` (or
/// nothing) where `/proc` is missing or a process vanished mid-read; callers treat that as "gone".
enum ProcFS {
    /// The fields of `/proc/<pid>/stat` the sweeper uses.
    struct Stat: Equatable {
        var pid: Int32
        /// R, S, D, Z (zombie), T, …
        var state: Character
        var parent: Int32
        var processGroup: Int32
        /// Clock ticks after boot; with `pid` it names a process even if the pid is reused later.
        var startTime: UInt64
    }

    /// Every process id currently listed in `/proc`.
    static func processIDs() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }
    }

    static func stat(of pid: Int32) -> Stat? {
        guard let bytes = readFile("/proc/\(pid)/stat", limit: 4096) else { return nil }
        // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime
        //  stime cutime cstime priority nice threads itrealvalue starttime …"; comm may hold spaces
        // and parentheses, so parse from the last ')'.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " ")).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard fields.count > 19, let state = fields[0].first, let parent = Int32(fields[1]),
            let group = Int32(fields[2]), let start = UInt64(fields[19])
        else { return nil }
        return Stat(pid: pid, state: state, parent: parent, processGroup: group, startTime: start)
    }

    /// The value of `BACKENDLINGS_RUN_ID` in the environment the process was started with, if any.
    /// (Zombies and processes of other users have no readable environment.)
    static func runID(of pid: Int32) -> String? {
        guard let bytes = readFile("/proc/\(pid)/environ", limit: 1 << 20) else { return nil }
        let prefix = Array((RunID.variableName + "=").utf8)
        for entry in bytes.split(separator: 0) where entry.starts(with: prefix) {
            return String(decoding: entry.dropFirst(prefix.count), as: UTF8.self)
        }
        return nil
    }

    /// Resident memory in bytes, from the second field of `/proc/<pid>/statm`.
    static func residentBytes(of pid: Int32) -> UInt64? {
        guard let bytes = readFile("/proc/\(pid)/statm", limit: 256) else { return nil }
        let fields = bytes.split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = UInt64(String(decoding: fields[1], as: UTF8.self)) else {
            return nil
        }
        return pages * UInt64(pageSize)
    }

    private static let pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)

    /// The whole file (up to `limit` bytes), read with plain `read` because `/proc` files report a
    /// size of zero.
    static func readFile(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}
