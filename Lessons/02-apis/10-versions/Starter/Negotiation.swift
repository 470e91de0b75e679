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
        // TODO(learner): split the value at commas; in each entry, split at ";": the first part is
        //   "type/subtype", and a later part "q=0.8" is the quality (trim spaces everywhere).
        []
    }

    /// How exactly this range names `mediaType` (such as `application/vnd.tasks.v2+json`):
    /// 3 for the same type and subtype, 2 for `type/*`, 1 for `*/*`, `nil` when it does not match.
    func specificity(for mediaType: String) -> Int? {
        // TODO(learner): compare type and subtype with the two halves of mediaType, ignoring case.
        nil
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
        // TODO(learner): implement the rules above with MediaRange.parse and specificity(for:).
        //   This first version ignores Accept: it always answers the first offer.
        offers.first
    }
}
