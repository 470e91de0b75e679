import BackendKit
import Foundation

/// One entry of an `Accept` header, such as `application/json;q=0.8`: a type, a subtype (either
/// may be `*`), and a quality from 0 to 1 that says how much the client wants it (1 when absent).
struct MediaRange: Equatable, Sendable {
    var type: String
    var subtype: String
    var quality: Double

    /// The media ranges of an `Accept` value, in order. `"application/json;q=0.5, */*;q=0.1"` gives
    /// `[application/json (0.5), */* (0.1)]`. Types are lower-cased; parameters other than `q` are
    /// ignored; an entry that is not `type/subtype`, or whose `q` is not a number from 0 to 1, is
    /// left out.
    static func parse(_ accept: String) -> [MediaRange] {
        accept.split(separator: ",").compactMap { entry in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = (parts.first ?? "").lowercased().split(
                separator: "/", omittingEmptySubsequences: false)
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let value = Double(pair[1]), (0...1).contains(value) else { return nil }
                quality = value
            }
            return MediaRange(type: String(names[0]), subtype: String(names[1]), quality: quality)
        }
    }

    /// How exactly this range names `mediaType` (such as `application/vnd.tasks.v2+json`):
    /// 3 for the same type and subtype, 2 for `type/*`, 1 for `*/*`, `nil` when it does not match.
    func specificity(for mediaType: String) -> Int? {
        let names = mediaType.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
        guard names.count == 2 else { return nil }
        switch (type, subtype) {
        case ("*", "*"): return 1
        case (names[0], "*"): return 2
        case (names[0], names[1]): return 3
        default: return nil
        }
    }
}

/// Content negotiation (RFC 9110, section 12.5.1): picking the representation of a resource from
/// what the server can send (`offers`, best first) and what the client accepts.
enum ContentNegotiation {
    /// The offer the client prefers, or `nil` when it accepts none of them.
    ///
    /// - No `Accept` header (`nil` or empty): the client accepts anything, so the first offer.
    /// - Otherwise each offer gets the quality of the **most specific** range that matches it
    ///   (`application/json;q=0.2, */*` gives application/json 0.2 and anything else 1).
    ///   An offer that no range matches, or whose quality is 0, is not acceptable.
    /// - The acceptable offer with the highest quality wins; on a tie, the one listed first.
    static func choose(from offers: [String], accept: String?) -> String? {
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return offers.first }
        let ranges = MediaRange.parse(accept)
        var best: (offer: String, quality: Double)?
        for offer in offers {
            let matches = ranges.compactMap { range in
                range.specificity(for: offer).map { (specificity: $0, quality: range.quality) }
            }
            // The most specific range decides; among equally specific ones, the first.
            guard let decisive = matches.max(by: { $0.specificity < $1.specificity }), decisive.quality > 0
            else { continue }
            if decisive.quality >= (best?.quality ?? 0) {
                best = (offer, decisive.quality)
            }
        }
        return best?.offer
    }
}
