import BackendKit

/// JSON Merge Patch (RFC 7396): a patch is a JSON document that looks like the resource, with
/// only the members to change.
///
/// - A member with a value sets that member: `{"status": "done"}`.
/// - A member with `null` removes that member: `{"assignee": null}`.
/// - A member that is not in the patch stays as it is.
/// - When both values are objects, the patch is applied to the inner object the same way.
/// - A patch that is not an object replaces the whole target.
enum MergePatch {
    /// The media type a client must declare in `Content-Type` for a merge patch.
    static let mediaType = "application/merge-patch+json"

    /// `target` with `patch` applied (the algorithm of RFC 7396, section 2).
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var result = target.object ?? [:]
        for (name, value) in changes {
            if value == .null {
                continue
            } else {
                result[name] = apply(value, to: result[name] ?? .null)
            }
        }
        return .object(result)
    }
}
