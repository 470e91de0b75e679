import Foundation

extension FileSystem {
    /// Writes files given by relative path into `directory`, which must be missing or empty, creating
    /// folders on the way. For assembled starters, which exist in memory before they exist on disk.
    /// Files are not flushed one by one: callers write into a staging folder and rename it into place.
    public static func writeTree(_ files: [String: Data], into directory: URL, operation: String)
        throws(FileSystemError)
    {
        if exists(directory), !(try contentsOfDirectory(directory)).isEmpty {
            throw FileSystemError(
                operation: operation, path: directory.path, code: 0, detail: "the folder is not empty")
        }
        try createDirectory(directory)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let target = directory.appendingPathComponent(path)
            try createDirectory(target.deletingLastPathComponent())
            do {
                try data.write(to: target)
            } catch {
                throw FileSystemError(operation: "write", path: target.path, code: 0, detail: "\(error)")
            }
        }
    }

    /// Makes `destination` hold exactly `files`, writing only files whose bytes differ and deleting
    /// files that are gone, so incremental builds of the copy stay incremental. Only for the
    /// runner's own build folders: it deletes files in `destination`.
    public static func mirror(files: [String: Data], to destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for path in relativeFiles(below: destination) where files[path] == nil {
            try manager.removeItem(at: destination.appendingPathComponent(path))
        }
        for (path, data) in files {
            let target = destination.appendingPathComponent(path)
            if (try? Data(contentsOf: target)) != data {
                try manager.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        }
    }
}
