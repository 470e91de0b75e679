import Foundation
import Testing

@testable import launch

/// The launcher's decisions, without building anything: when the tool is stale, what the first-run
/// screen says, which language it speaks, how it reads SwiftPM's progress.
@Suite struct LauncherLogicTests {
    @Test func theTool_isStale_whenMissing_whenASourceIsNewer_andWhenAFileWasDeleted() throws {
        try withFolder { home in
            let tool = home.appendingPathComponent(".build/debug/backendlings-cli")
            let source = home.appendingPathComponent("Sources/Runner/Runner.swift")
            try write("// runner\n", to: source)
            try write("// manifest\n", to: home.appendingPathComponent("Package.swift"))
            #expect(!ToolFreshness.isFresh(tool: tool, home: home), "missing")

            try write("binary", to: tool)
            try age(
                home.appendingPathComponent("Sources"), source.deletingLastPathComponent(), source,
                home.appendingPathComponent("Package.swift"))
            #expect(ToolFreshness.isFresh(tool: tool, home: home))

            try write("// changed\n", to: source)
            #expect(!ToolFreshness.isFresh(tool: tool, home: home), "a newer source")
            ToolFreshness.markBuilt(tool)
            #expect(ToolFreshness.isFresh(tool: tool, home: home), "touched after a build")

            try age(tool)
            try FileManager.default.removeItem(at: source)
            #expect(!ToolFreshness.isFresh(tool: tool, home: home), "a deleted source changes its folder")
        }
    }

    @Test func theLanguage_followsBACKENDLINGS_LANG_thenTheLocale_andIsBothWhenNothingSays() {
        #expect(LaunchText.language(environment: ["BACKENDLINGS_LANG": "id", "LANG": "en_US.UTF-8"]) == .id)
        #expect(LaunchText.language(environment: ["LANG": "id_ID.UTF-8"]) == .id)
        #expect(LaunchText.language(environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"]) == .en)
        #expect(LaunchText.language(environment: ["LANG": "C.UTF-8"]) == .both)
        #expect(LaunchText.language(environment: [:]) == .both)
    }

    @Test func progressLines_areReadFromSwiftPMsStepCounter() {
        #expect(BuildProgressLine.steps(in: "[152/395] Compiling Runner Pack.swift")! == (152, 395))
        #expect(BuildProgressLine.steps(in: "Building for debugging...") == nil)
        #expect(BuildProgressLine.steps(in: "[x/y] nonsense") == nil)
    }

    @Test func theFirstRunScreen_showsTheFirstExerciseAndItsLesson_fittedToA40x14Terminal() throws {
        try withFolder { home in
            try write(
                """
                {"modules": [{"id": "databases", "path": "01-databases", "title": "Databases", "exercises": [
                  {"id": "db01-schema", "path": "01-schema", "title": "Create the books table",
                   "translations": {"id": {"title": "Membuat tabel books"}}}]}]}
                """, to: home.appendingPathComponent("Lessons/pack.json"))
            let lesson = (1...20).map { "Line \($0) of the lesson, which is long enough to be cut." }
            try write(
                "\n\n" + lesson.joined(separator: "\n") + "\n",
                to: home.appendingPathComponent("Lessons/01-databases/01-schema/README.md"))
            try write(
                "<!-- translation-of: README.md sha256:0123456789abcdef -->\n\n# Membuat tabel\n",
                to: home.appendingPathComponent("Lessons/01-databases/01-schema/README.id.md"))

            let english = try #require(FirstRunScreen.load(home: home, language: .en, width: 40, height: 14))
            #expect(
                english.text() == """
                    Backendlings
                    Welcome! Backendlings is building itself
                    (only this first time, about half a
                    minute).
                    Meanwhile, here is your first exercise:
                    start reading.

                      Exercise 1: Create the books table (d…
                      Read: Lessons/01-databases/01-schema/…

                      Line 1 of the lesson, which is long e…
                      … 19 more lines in that file.


                    """)

            // In every language and size, the screen leaves its last row to the progress line.
            for language in [LaunchText.Language.en, .id, .both] {
                for (width, height) in [(40, 14), (80, 24), (20, 8)] {
                    let screen = try #require(
                        FirstRunScreen.load(home: home, language: language, width: width, height: height))
                    let lines = screen.text().split(separator: "\n", omittingEmptySubsequences: false)
                        .dropLast()
                    #expect(lines.count <= height - 1, "\(language) \(width)x\(height): \(lines.count) lines")
                    #expect(lines.allSatisfy { $0.count <= width }, "\(language) \(width)x\(height)")
                }
            }

            let indonesian = try #require(
                FirstRunScreen.load(home: home, language: .id, width: 60, height: 14))
            #expect(indonesian.text().contains("  Latihan 1: Membuat tabel books (db01-schema)\n"))
            #expect(indonesian.text().contains("  Baca: Lessons/01-databases/01-schema/README.id.md\n"))
            #expect(
                indonesian.text().contains("README.id.md\n\n  # Membuat tabel\n"), "the stamp is left out")
        }
    }

    @Test func aPackThatCannotBeRead_showsNoScreen_theBuildStillRuns() throws {
        try withFolder { home in
            try write("{not json", to: home.appendingPathComponent("Lessons/pack.json"))
            #expect(FirstRunScreen.load(home: home, language: .en, width: 80, height: 24) == nil)
        }
    }
}

private func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "launch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.resolvingSymlinksInPath())
}

private func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Moves the modification times of `urls` an hour back, so "newer" is never a matter of timer grain.
private func age(_ urls: URL...) throws {
    for url in urls {
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: url.path)
    }
}
