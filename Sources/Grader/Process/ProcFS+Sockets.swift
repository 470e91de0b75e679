import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ProcFS {
    /// The TCP ports the process has a listening socket on (IPv4 and IPv6), from its descriptors
    /// (`socket:[inode]` links) matched against its `net/tcp` tables; empty where `/proc` cannot
    /// tell. Lets a verdict say "your server listens on port 41234" when it announced another.
    static func listeningPorts(of pid: Int32) -> [Int] {
        let inodes = Set(
            descriptorTargets(of: pid).compactMap { target -> String? in
                guard target.hasPrefix("socket:["), target.hasSuffix("]") else { return nil }
                return String(target.dropFirst("socket:[".count).dropLast())
            })
        guard !inodes.isEmpty else { return [] }
        var ports: [Int] = []
        for table in ["tcp", "tcp6"] {
            guard let bytes = readFile("/proc/\(pid)/net/\(table)", limit: 1 << 22) else { continue }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
                // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
                let fields = line.split(separator: " ")
                guard fields.count > 9, fields[3] == "0A", inodes.contains(String(fields[9])),
                    let portText = fields[1].split(separator: ":").last, let port = Int(portText, radix: 16)
                else { continue }
                if !ports.contains(port) { ports.append(port) }
            }
        }
        return ports.sorted()
    }

    /// How many descriptors the process has open, or `nil` when `/proc` cannot tell.
    static func openDescriptorCount(of pid: Int32) -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd"))?.count
    }

    /// The process's soft limit on open files (`Max open files` in `/proc/<pid>/limits`).
    static func openFileLimit(of pid: Int32) -> Int? {
        guard let bytes = readFile("/proc/\(pid)/limits", limit: 8192) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("Max open files") {
            return line.dropFirst("Max open files".count).split(separator: " ").first.flatMap { Int($0) }
        }
        return nil
    }

    private static func descriptorTargets(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)
        }
    }
}
