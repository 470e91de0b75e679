import Foundation

extension FileSystem {
    /// Makes `destination` hold exactly the regular files of `source`, writing only files whose
    /// bytes differ and deleting files that are gone. Unchanged files keep their modification times,
    /// so incremental builds of the copy stay incremental. Only for the runner's own build folders:
    /// it deletes files in `destination`.
    public static func mirror(from source: URL, to destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        let wanted = relativeFiles(below: source)
        for path in relativeFiles(below: destination) where !wanted.contains(path) {
            try manager.removeItem(at: destination.appendingPathComponent(path))
        }
        for path in wanted {
            let from = source.appendingPathComponent(path)
            let to = destination.appendingPathComponent(path)
            let data = try Data(contentsOf: from)
            if (try? Data(contentsOf: to)) != data {
                try manager.createDirectory(
                    at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: to)
            }
        }
    }

    /// Paths of regular files below `folder`, relative to it (hidden files included, `.build` skipped).
    static func relativeFiles(below folder: URL) -> Set<String> {
        let base = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files = Set<String>()
        while let path = enumerator.nextObject() as? String {
            if path == ".build" || path.hasPrefix(".build/") {
                enumerator.skipDescendants()
                continue
            }
            if FileSystem.isFile(URL(fileURLWithPath: base + "/" + path)) { files.insert(path) }
        }
        return files
    }
}
