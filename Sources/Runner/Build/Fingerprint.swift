import Foundation

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
        for file in Self.files(below: folder) {
            add(file.path)
            let values = try? file.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
            add("\(values?.fileSize ?? -1) \(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
            add([0])
        }
    }

    public var description: String { String(value, radix: 16) }

    static func files(below folder: URL) -> [URL] {
        let resolved = folder.resolvingSymlinksInPath()
        guard
            let enumerator = FileManager.default.enumerator(
                at: resolved, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
            )
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if url.lastPathComponent == ".build" {
                enumerator.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
