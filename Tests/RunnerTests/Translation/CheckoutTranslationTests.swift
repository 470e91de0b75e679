import BackendKit
import Foundation
import Testing

/// The checkout's own translated documents (README.id.md, Docs/*.id.md) record which English text
/// they translate in their first line, as lesson texts do. The dev check covers the pack's texts;
/// this covers these: it fails when the English changed and its translation was not brought up to
/// date and stamped again.
@Suite struct CheckoutTranslationTests {
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var translatedDocuments: [URL] {
        let docs = checkout.appendingPathComponent("Docs")
        let inDocs = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [checkout.appendingPathComponent("README.id.md")]
            + inDocs.filter { $0.hasSuffix(".id.md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    @Test func everyTranslatedDocument_translatesTheEnglishAsItIsNow() throws {
        let documents = Self.translatedDocuments
        #expect(documents.count >= 2, "README.id.md and Docs/LEARNING.id.md at least")
        let header = #/^<!-- translation-of: (\S+) sha256:([0-9a-f]{16}) -->$/#
        for translation in documents {
            let text = try String(contentsOf: translation, encoding: .utf8)
            let firstLine = String(text.prefix { $0 != "\n" })
            let match = try #require(
                firstLine.wholeMatch(of: header),
                "\(translation.lastPathComponent) has no translation-of header")
            let english = translation.deletingLastPathComponent().appendingPathComponent(String(match.1))
            let current = String(Hex.encode(SHA256.hash(Array(try Data(contentsOf: english)))).prefix(16))
            #expect(
                String(match.2) == current,
                "\(translation.lastPathComponent) translates an older \(match.1): bring it up to date, then write sha256:\(current) in its first line"
            )
        }
    }
}
