import Grader

/// Why a lesson pack could not be loaded. Every case names the file, the field or the path involved,
/// because the reader is either a learner who pointed `--pack` at the wrong folder or a pack author
/// who needs to find the mistake.
public enum PackError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `root` has no `Lessons/pack.json` (or does not exist at all).
    case noPack(root: String)
    /// A file of the pack could not be read, or a copy of it could not be written.
    case fileSystem(FileSystemError)
    /// The manifest is not valid JSON.
    case invalidJSON(file: String, line: Int, column: Int, reason: String)
    /// A field is missing or has the wrong type or form. `fieldPath` is like
    /// `modules[0].exercises[2].hints`, or empty for the top level.
    case invalidManifest(file: String, fieldPath: String, reason: String)
    /// The pack was written for a newer runner.
    case newerFormat(found: Int, supported: Int)
    /// Folders or files the manifest names are not on disk; one sentence per problem.
    case missingOnDisk([String])
    /// An overlay step's starter cannot be assembled (a patch that no longer applies).
    case overlay(String)

    public var description: String {
        switch self {
        case .noPack(let root):
            return LocationError.noPack(path: root).description
        case .fileSystem(let error):
            return error.description
        case .invalidJSON(let file, let line, let column, let reason):
            return "\(file): line \(line), column \(column): invalid JSON: \(reason)"
        case .invalidManifest(let file, let fieldPath, let reason):
            return fieldPath.isEmpty ? "\(file): \(reason)" : "\(file): \(fieldPath): \(reason)"
        case .newerFormat(let found, let supported):
            return Words(
                "This lesson pack uses format \(found), but this backendlings understands formats up to \(supported). Update backendlings (git pull), then run it again.",
                id:
                    "Paket pelajaran ini memakai format \(found), padahal backendlings ini hanya paham sampai format \(supported). Perbarui backendlings (git pull), lalu jalankan lagi."
            ).text
        case .overlay(let problem):
            return problem
        case .missingOnDisk(let problems):
            if problems.count == 1 { return problems[0] }
            return Words(
                "The lesson pack has \(problems.count) problems:",
                id: "Paket pelajaran ini punya \(problems.count) masalah:"
            ).text + "\n"
                + problems.map { "- \($0)" }.joined(separator: "\n")
        }
    }
}
