import Foundation

/// The compiler warnings of each hidden-test file, kept between dev check runs with a hash of the
/// file they were seen in: an incremental build prints warnings only for the files it compiles, so
/// without this a second run would forget the first run's warnings.
enum WarningMemory {
    private struct Entry: Codable {
        var hash: String
        var warnings: [String]
    }

    /// `seen` (warnings by file, as `Lessons/…` paths) merged with what `file` remembers: a file
    /// that was compiled now keeps exactly the warnings seen now; a file that was not compiled and
    /// has not changed keeps the ones it had. Writes the result back and returns it.
    static func merge(_ seen: [String: [String]], into file: URL, root: URL) -> [String: [String]] {
        var memory =
            (try? Data(contentsOf: file)).flatMap {
                try? JSONDecoder().decode([String: Entry].self, from: $0)
            }
            ?? [:]
        for (path, entry) in memory {
            let current = (try? Data(contentsOf: root.appendingPathComponent(path))).map(TranslationHash.of)
            if current != entry.hash { memory[path] = nil }
        }
        for (path, warnings) in seen {
            let current =
                (try? Data(contentsOf: root.appendingPathComponent(path))).map(TranslationHash.of) ?? ""
            memory[path] = Entry(hash: current, warnings: warnings)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(memory) { try? FileSystem.writeAtomically(data, to: file) }
        return memory.mapValues(\.warnings)
    }
}
