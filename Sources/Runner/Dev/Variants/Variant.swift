import Foundation

/// A known-wrong version of an exercise's solution: the solved copy with one or more files replaced
/// by the mistake a learner really makes, and the name of the hidden check that must catch it.
///
/// Variants prove the hidden tests, the way starters and solutions prove the lesson: `dev check`
/// grades each one and fails unless its first failing check is the one it names.
struct Variant: Sendable, Hashable {
    /// `Variants`, the folder beside an exercise's solution files that holds its variants.
    static let folderName = "Variants"
    /// The file in a variant's folder that says what the mistake is and which check catches it.
    static let descriptionFile = "variant.json"

    let exercise: Exercise
    /// The folder's name: lowercase letters, digits and `-`, starting with a letter.
    let name: String
    /// One line: the mistake a learner makes.
    let description: String
    /// The exact English name of the check that must fail first.
    let caughtBy: String
    /// The replacement files, relative to `Starter/`, as the author wrote them.
    let files: [String: Data]
    /// Files the variant adds rather than replaces (declared in `"adds"`).
    let adds: [String]

    /// `db01-schema/no-unique`: how every line about the variant names it.
    var label: String { "\(exercise.id)/\(name)" }

    /// `Solutions/<module path>/<exercise path>/Variants/<name>`, as an author sees it.
    var shownFolder: String { Self.shownFolder(of: exercise, name: name) }

    static func shownFolder(of exercise: Exercise, name: String) -> String {
        "Solutions/\(exercise.relativePath)/\(folderName)/\(name)"
    }

    /// The variant's whole program: the solved copy with the replacement files laid over it. A
    /// replaced given file gets the given-file header back when the solved copy has it, so a
    /// variant is written like every other file an author writes.
    func assembled(over solved: [String: Data]) -> [String: Data] {
        var files = solved
        let header = Data(Pack.givenFileHeader.utf8)
        for (path, data) in self.files {
            let needsHeader = solved[path]?.starts(with: header) == true && !data.starts(with: header)
            files[path] = needsHeader ? header + data : data
        }
        return files
    }
}
