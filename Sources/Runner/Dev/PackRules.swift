import Foundation
import StrictJSON

/// Rules of the dev check that a pack switches on in its `pack.json`, at the top level. The
/// learner's commands never read them, so they live here, beside the dev check, and the manifest
/// decoder ignores them like any field it does not know.
///
/// - `"minimumVariants": 5`: every exercise must carry at least this many known-wrong variants
///   (default 0: the count is reported, not required).
struct PackRules: Equatable {
    var minimumVariants = 0

    /// The rules of `pack`, or the problem that keeps them from being read.
    static func read(_ pack: Pack) -> (rules: PackRules, problem: String?) {
        guard let data = try? FileSystem.readFile(pack.manifestFile) else { return (PackRules(), nil) }
        guard let json = try? StrictJSON.parse(data, options: Pack.manifestOptions),
            let value = json["minimumVariants"]
        else {
            return (PackRules(), nil)
        }
        guard case .number(let number, true) = value, let minimum = Int(exactly: number), minimum >= 0 else {
            var found = value.kindDescription
            if case .number(let number, _) = value {
                found = Int(exactly: number).map(String.init) ?? String(number)
            }
            return (
                PackRules(),
                "Lessons/pack.json: minimumVariants: expected a whole number of 0 or more, found \(found)"
            )
        }
        return (PackRules(minimumVariants: minimum), nil)
    }
}
