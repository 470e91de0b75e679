import Foundation
import Grader

/// `swift format lint` over every Swift file an author writes (starters, solutions, hidden tests),
/// so a pack reads the same everywhere and a learner's first diff is theirs, not the formatter's.
///
/// Uses the pack's own `.swift-format` when it has one, else the checkout's. Where the toolchain has
/// no `swift format` (it ships with Swift 6), the rule is skipped with one line saying so.
struct FormatLint {
    let pack: Pack
    let home: URL
    var toolchain = SwiftToolchain()

    /// Longest a lint of the whole pack may take.
    static let timeout: Duration = .seconds(300)

    func problems() -> [String] {
        let folders = [pack.lessonsFolder, pack.solutionsFolder].filter(FileSystem.isDirectory)
            .map(\.lastPathComponent)
        guard !folders.isEmpty else { return [] }
        let ownConfiguration = pack.root.appendingPathComponent(".swift-format")
        let configuration =
            FileSystem.isFile(ownConfiguration)
            ? ownConfiguration : home.appendingPathComponent(".swift-format")
        var arguments = ["format", "lint", "--recursive"]
        if FileSystem.isFile(configuration) { arguments += ["--configuration", configuration.path] }
        arguments += folders
        // Run in the pack's root so the findings name files as the author sees them: `Lessons/…`.
        guard
            let result = try? ChildProcess.run(
                executable: toolchain.swift, arguments: arguments, workingDirectory: pack.root.path,
                timeout: Self.timeout)
        else {
            return ["`\(toolchain.swift) format lint` could not run, so formatting was not checked."]
        }
        let findings = result.output.text.split(separator: "\n").filter { $0.contains(": warning: ") }
        if findings.isEmpty, result.status != .exited(0) {
            return [
                "`\(toolchain.swift) format lint` failed: \(result.output.lastLines(3).joined(separator: " "))"
            ]
        }
        return findings.map { "Not formatted (run `swift format -i -r Lessons Solutions`): \($0)" }
    }
}
