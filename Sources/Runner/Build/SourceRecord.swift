import Foundation

/// The content of each source file of an exercise when it last built, to tell which files a save
/// changed.
///
/// The driver decides what to recompile by modification times, which misses a file rewritten in the
/// same second as the last build (measured: two quick saves, the second one not compiled, the old
/// code graded) or given back its old time (`cp -p`, some sync tools). Comparing contents cannot
/// miss: a changed file's object is removed before the driver runs, so it must compile it, and a
/// save that changed one file can be compiled on its own (``FrontendTemplate``).
struct SourceRecord: Codable, Equatable, Sendable {
    /// Source path → fingerprint of its bytes.
    var files: [String: String]

    /// The record of the files as they are now.
    static func current(_ sources: [String]) -> SourceRecord {
        var files: [String: String] = [:]
        for source in sources {
            var fingerprint = Fingerprint()
            if let data = FileManager.default.contents(atPath: source) {
                fingerprint.add(data)
                files[source] = fingerprint.description
            } else {
                files[source] = "missing"
            }
        }
        return SourceRecord(files: files)
    }

    /// The files whose content differs from `older` (every file when a file is new to it).
    func changed(since older: SourceRecord) -> Set<String> {
        Set(files.keys.filter { older.files[$0] != files[$0] })
    }

    static func load(from url: URL) -> SourceRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SourceRecord.self, from: data)
    }

    func save(to url: URL) {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: url, options: .atomic) }
    }
}
