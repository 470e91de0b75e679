import Foundation

/// The record of which English each Indonesian text in Swift source was written for: one line per
/// pair, `<hash of the English> <hash of the Indonesian>`, as written by `dev translations --accept`.
///
/// With the two texts side by side in the source, this is what tells a translation that is current
/// from one whose English was edited afterwards: the Indonesian is then recorded for another English.
public struct TranslationLock: Sendable, Equatable {
    public struct Entry: Sendable, Hashable, Comparable {
        public var english: String
        public var indonesian: String

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.english, a.indonesian) < (b.english, b.indonesian)
        }
    }

    public var entries: Set<Entry>

    public init(entries: Set<Entry> = []) { self.entries = entries }

    static let comment =
        "# The Indonesian texts written beside English ones in Swift source, and the English each was "
        + "written for.\n# Rewritten by `backendlings dev translations --accept`; do not edit by hand.\n"

    public static func load(from file: URL) -> TranslationLock {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return TranslationLock() }
        var entries = Set<Entry>()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2 {
                entries.insert(Entry(english: String(parts[0]), indonesian: String(parts[1])))
            }
        }
        return TranslationLock(entries: entries)
    }

    public func write(to file: URL) throws {
        let lines = entries.sorted().map { "\($0.english) \($0.indonesian)" }
        try FileSystem.writeAtomically(Self.comment + lines.joined(separator: "\n") + "\n", to: file)
    }

    public static func entry(for pair: SwiftTextPairs.Pair) -> Entry {
        Entry(english: TranslationHash.of(pair.english), indonesian: TranslationHash.of(pair.indonesian))
    }

    /// How `pair` stands against this record.
    public func state(of pair: SwiftTextPairs.Pair) -> PairState {
        let entry = Self.entry(for: pair)
        if entries.contains(entry) { return .current }
        if entries.contains(where: { $0.indonesian == entry.indonesian }) { return .stale }
        return .unrecorded
    }

    public enum PairState: Sendable, Equatable {
        case current
        /// The Indonesian was accepted for another English: the English changed since.
        case stale
        /// Neither was accepted yet: a new or freshly updated translation, waiting for `--accept`.
        case unrecorded
    }
}
