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

    /// `target` with `patch` applied.
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        // TODO(learner): implement the rules above. When patch is an object, start from target's
        //   members (or an empty object when target is not an object); for each member of patch,
        //   remove it when its value is .null, otherwise set it to apply(value, to: the old value).
        //   When patch is not an object, return patch.
        target
    }
}
