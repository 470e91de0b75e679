import Foundation
import Grader

/// `backendlings dev translations [--accept]`: lists every translation a pack owes that is missing,
/// stale or not accepted yet; with `--accept`, records the translations that exist as current (the
/// translator's word that each matches its English as it is now): lesson headers, pack.json `"of"`
/// hashes, and the lock of the hidden tests' pairs.
public struct DevTranslations: Sendable {
    public let pack: Pack

    public init(pack: Pack) { self.pack = pack }

    /// What `accept` recorded.
    public struct Accepted: Sendable, Equatable {
        public var lessonTexts = 0
        public var manifestTexts = 0
        public var sourcePairs = 0
    }

    public func findings() -> [TranslationLint.Finding] { TranslationLint(pack: pack).findings() }

    public func accept() throws -> Accepted {
        let lint = TranslationLint(pack: pack)
        var accepted = Accepted()
        for language in lint.languages {
            for english in lint.englishTexts where try TranslatedFile.stamp(english, in: language) {
                accepted.lessonTexts += 1
            }
        }
        var modules = pack.modules
        for m in modules.indices {
            for (language, var translation) in modules[m].translations {
                translation.of = TextTranslation.hash(title: modules[m].title, hints: [])
                modules[m].translations[language] = translation
                accepted.manifestTexts += 1
            }
            for e in modules[m].exercises.indices {
                let exercise = modules[m].exercises[e]
                for (language, var translation) in exercise.translations {
                    translation.of = TextTranslation.hash(title: exercise.title, hints: exercise.hints)
                    modules[m].exercises[e].translations[language] = translation
                    accepted.manifestTexts += 1
                }
            }
        }
        var updated = pack
        updated.modules = modules
        let manifest = ManifestWriter.render(updated)
        if (try? String(contentsOf: pack.manifestFile, encoding: .utf8)) != manifest {
            try FileSystem.writeAtomically(manifest, to: pack.manifestFile)
        }
        var lock = TranslationLock()
        for file in lint.testSources {
            guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for pair in SwiftTextPairs.pairs(in: source) {
                lock.entries.insert(TranslationLock.entry(for: pair))
            }
        }
        accepted.sourcePairs = lock.entries.count
        if !lock.entries.isEmpty || FileSystem.exists(lint.lockFile) { try lock.write(to: lint.lockFile) }
        return accepted
    }
}
