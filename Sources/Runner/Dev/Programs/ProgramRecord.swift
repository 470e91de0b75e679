import Foundation

/// What the last build of one dev-check program left, kept beside its object files: the hash of
/// each source file, the hash of each file's declarations (its partial module), and the compile
/// errors when it did not compile.
///
/// A program whose files and plan are unchanged is not built again. A program that differs from
/// another one (its solution, its own last build) in a few files compiles only those, and reuses
/// the other's objects when the compiled files declare exactly what the other's did: at `-Onone` an
/// object depends on the other files' declarations, never on their function bodies.
struct ProgramRecord: Codable, Equatable, Sendable {
    var stamp: String
    /// Source file → hash of its contents.
    var files: [String: String]
    /// Source file → hash of its partial module; empty when it did not compile.
    var declarations: [String: String]
    /// The compiler's errors, when the program did not compile.
    var failure: String?

    static func hashes(of files: [String: Data]) -> [String: String] {
        files.mapValues { data in
            var fingerprint = Fingerprint()
            fingerprint.add(data)
            return fingerprint.description
        }
    }

    static func read(from url: URL) -> ProgramRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ProgramRecord.self, from: data)
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileSystem.writeAtomically(try encoder.encode(self), to: url)
    }
}
