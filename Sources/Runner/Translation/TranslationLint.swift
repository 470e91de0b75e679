import Foundation
import Grader

/// Every translation a pack owes and how each stands: lesson texts (`README.id.md`), pack.json
/// titles and hints, and the texts its hidden tests write beside their English. What `dev check`
/// and `dev translations` report; a pack that declares a language must have all of them current.
///
/// Texts in hidden tests that have no Indonesian at all are found by the compiler instead: a string
/// literal where GraderKit expects `Words` compiles with a deprecation warning, which the dev check
/// reports as a missing translation.
public struct TranslationLint: Sendable {
    public let pack: Pack

    public init(pack: Pack) { self.pack = pack }

    /// One text that is not current, in words an author acts on.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable, Equatable { case missing, stale, unaccepted }
        public var kind: Kind
        public var language: Language
        /// Where the text is, as the author sees it: `Lessons/01-databases/01-schema/README.id.md`,
        /// `Lessons/pack.json: db01-schema`, `Lessons/01-databases/Tests/01-schema.swift:12`.
        public var place: String

        public var description: String {
            switch kind {
            case .missing: "Missing \(language.nativeName) translation: \(place)"
            case .stale:
                "Stale \(language.nativeName) translation (the English changed after it was written): \(place)"
            case .unaccepted:
                "\(language.nativeName) translation not accepted yet: \(place); check it, then run "
                    + "`backendlings dev translations --accept`"
            }
        }
    }

    /// The pack's languages other than English.
    public var languages: [Language] { pack.languages.filter { $0 != .en } }

    /// The lock file that records the hidden tests' pairs.
    public var lockFile: URL { pack.lessonsFolder.appendingPathComponent("translations.lock") }

    public func findings() -> [Finding] {
        var findings: [Finding] = []
        for language in languages {
            findings += lessonTexts(in: language)
            findings += manifestTexts(in: language)
            findings += sourcePairs(in: language)
        }
        return findings
    }

    /// Every English lesson text the pack has: module introductions and exercise lessons.
    public var englishTexts: [URL] {
        pack.modules.flatMap { module in
            [pack.introduction(of: module)].filter(FileSystem.isFile) + module.exercises.map(pack.lessonText)
        }
    }

    /// The Swift files of every module's hidden tests.
    public var testSources: [URL] {
        pack.modules.flatMap { module -> [URL] in
            let folder = pack.testsFolder(of: module)
            return FileSystem.relativeFiles(below: folder).filter { $0.hasSuffix(".swift") }.sorted().map {
                folder.appendingPathComponent($0)
            }
        }
    }

    private func lessonTexts(in language: Language) -> [Finding] {
        englishTexts.compactMap { english in
            let state = TranslatedFile.state(of: english, in: language)
            let place = shown(TranslatedFile.translation(of: english, in: language))
            switch state {
            case .current: return nil
            case .missing: return Finding(kind: .missing, language: language, place: place)
            case .stale: return Finding(kind: .stale, language: language, place: place)
            }
        }
    }

    private func manifestTexts(in language: Language) -> [Finding] {
        var findings: [Finding] = []
        for module in pack.modules {
            if let kind = Self.kind(module.translationState(in: language)) {
                findings.append(
                    Finding(kind: kind, language: language, place: "Lessons/pack.json: module \(module.id)"))
            }
            for exercise in module.exercises {
                if let kind = Self.kind(exercise.translationState(in: language)) {
                    findings.append(
                        Finding(
                            kind: kind, language: language,
                            place: "Lessons/pack.json: exercise \(exercise.id)"))
                }
            }
        }
        return findings
    }

    private func sourcePairs(in language: Language) -> [Finding] {
        guard language == .id else { return [] }
        let lock = TranslationLock.load(from: lockFile)
        var findings: [Finding] = []
        for file in testSources {
            guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for pair in SwiftTextPairs.pairs(in: source) {
                let place = "\(shown(file)):\(pair.line)"
                switch lock.state(of: pair) {
                case .current: break
                case .stale: findings.append(Finding(kind: .stale, language: language, place: place))
                case .unrecorded:
                    findings.append(Finding(kind: .unaccepted, language: language, place: place))
                }
            }
        }
        return findings
    }

    private static func kind(_ state: TranslationState) -> Finding.Kind? {
        switch state {
        case .current: nil
        case .missing: .missing
        case .stale: .stale
        }
    }

    private func shown(_ url: URL) -> String {
        FileSystem.relativePath(of: url, inside: pack.root) ?? url.path
    }
}
