import Foundation
import Grader
import Testing

@testable import Runner

@Suite struct TranslationLintTests {
    /// The overlay fixture pack, declared bilingual, with one exercise fully translated.
    private func bilingualPack(in dir: URL) throws -> OverlayPack {
        let manifest = OverlayPack.manifest.replacingOccurrences(
            of: "\"name\": \"Overlays\",", with: "\"name\": \"Overlays\",\n  \"languages\": [\"en\", \"id\"],"
        )
        let fixture = try OverlayPack.create(at: dir, manifest: manifest)
        try fixture.write(
            "Lessons/01-shop/Tests/First.swift",
            "Check(\"the shop opens\", id: \"tokonya buka\") { _ in }\n")
        return fixture
    }

    @Test func everyTextOfADeclaredLanguage_isMissingUntilWritten() throws {
        try withTemporaryDirectory { dir in
            let pack = try bilingualPack(in: dir).load()
            #expect(
                TranslationLint(pack: pack).findings().map(\.description) == [
                    "Missing Bahasa Indonesia translation: Lessons/01-shop/README.id.md",
                    "Missing Bahasa Indonesia translation: Lessons/01-shop/01-first/README.id.md",
                    "Missing Bahasa Indonesia translation: Lessons/01-shop/02-second/README.id.md",
                    "Missing Bahasa Indonesia translation: Lessons/01-shop/03-third/README.id.md",
                    "Missing Bahasa Indonesia translation: Lessons/pack.json: module shop",
                    "Missing Bahasa Indonesia translation: Lessons/pack.json: exercise s01-first",
                    "Missing Bahasa Indonesia translation: Lessons/pack.json: exercise s02-second",
                    "Missing Bahasa Indonesia translation: Lessons/pack.json: exercise s03-third",
                    "Bahasa Indonesia translation not accepted yet: Lessons/01-shop/Tests/First.swift:1; check it, then run `backendlings dev translations --accept`",
                ])
        }
    }

    @Test func acceptedTranslations_areCurrent_andAnEnglishEditMakesThemStale() throws {
        try withTemporaryDirectory { dir in
            let fixture = try bilingualPack(in: dir)
            try fixture.write("Lessons/01-shop/01-first/README.id.md", "# Pertama\n")
            var pack = try fixture.load()
            pack.modules[0].exercises[0].translations[.id] = TextTranslation(
                title: "Pertama", hints: ["a", "b"])
            try FileSystem.writeAtomically(ManifestWriter.render(pack), to: pack.manifestFile)
            pack = try fixture.load()
            let accepted = try DevTranslations(pack: pack).accept()
            #expect(accepted == DevTranslations.Accepted(lessonTexts: 1, manifestTexts: 1, sourcePairs: 1))
            pack = try fixture.load()
            #expect(
                fileText(of: dir.appendingPathComponent("Lessons/01-shop/01-first/README.id.md"))
                    == TranslatedFile.header(for: Data("# 01-first\n".utf8), name: "README.md")
                    + "# Pertama\n")
            let first = try pack.findExercise("s01-first")
            #expect(first.translationState(in: .id) == .current)
            #expect(first.title(in: .id) == "Pertama")
            let findings = { TranslationLint(pack: pack).findings().map(\.description) }
            #expect(!findings().contains { $0.contains("01-first") || $0.contains("First.swift") })

            try fixture.write("Lessons/01-shop/01-first/README.md", "# 01-first, revised\n")
            try fixture.write(
                "Lessons/01-shop/Tests/First.swift",
                "Check(\"the shop is open\", id: \"tokonya buka\") { _ in }\n")
            #expect(
                findings().contains(
                    "Stale Bahasa Indonesia translation (the English changed after it was written): Lessons/01-shop/01-first/README.id.md"
                ))
            #expect(
                findings().contains(
                    "Stale Bahasa Indonesia translation (the English changed after it was written): Lessons/01-shop/Tests/First.swift:1"
                ))
            #expect(TranslatedFile.state(of: pack.lessonText(of: first), in: .id) == .stale)
        }
    }

    @Test func aStaleTitle_fallsBackToEnglish() throws {
        try withTemporaryDirectory { dir in
            let fixture = try bilingualPack(in: dir)
            var pack = try fixture.load()
            pack.modules[0].exercises[0].translations[.id] = TextTranslation(
                title: "Pertama", hints: ["satu", "dua"], of: "0000000000000000")
            let first = pack.modules[0].exercises[0]
            #expect(first.translationState(in: .id) == .stale)
            #expect(first.title(in: .id) == "First")
            #expect(first.hints(in: .id) == ["a", "b"])
        }
    }

    @Test func anEnglishOnlyPack_owesNoTranslations() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            #expect(TranslationLint(pack: pack).findings() == [])
        }
    }

    @Test func theBuiltInManifest_isWrittenBackByteForByte() throws {
        let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let pack = try Pack.load(from: home)
        #expect(ManifestWriter.render(pack) == (try String(contentsOf: pack.manifestFile, encoding: .utf8)))
    }
}
