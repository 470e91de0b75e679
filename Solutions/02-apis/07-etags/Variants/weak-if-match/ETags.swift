import BackendKit
import Foundation

/// Entity tags (ETags) for tasks, and the conditional requests that use them.
///
/// An ETag names one version of a task, in double quotes: `"v3"`. A client sends it back:
/// - in `If-None-Match` on a GET: "send the task only if it is no longer this version" (304 if it is);
/// - in `If-Match` on PUT, PATCH or DELETE: "change the task only if it is still this version" (412 if not).
enum ETags {
    /// The ETag of the task's current version, with its quotes: `"v3"` for version 3.
    static func tag(for task: TaskItem) -> String {
        "\"v\(task.version)\""
    }

    /// The answer to a GET: 200 with the task and its `ETag` header, or 304 Not Modified (with the
    /// `ETag` header and no body) when `If-None-Match` names the current ETag or is `*`.
    static func read(_ task: TaskItem, for request: Request) throws -> Response {
        let current = tag(for: task)
        if let value = request.headers["If-None-Match"] {
            let tags = entityTags(in: value)
            if tags.contains("*") || tags.contains(where: { weaklyEqual($0, current) }) {
                // The client's copy is current: no body, only the headers a 200 would have had.
                return Response(status: .notModified, headers: ["ETag": current])
            }
        }
        return try .json(task).with("ETag", current)
    }

    /// The answer after a successful PUT or PATCH: 200 with the task and its new `ETag`.
    static func written(_ task: TaskItem) throws -> Response {
        try .json(task).with("ETag", tag(for: task))
    }

    /// Throws 412 Precondition Failed when the request has `If-Match` and it names neither the
    /// current ETag (compared strongly: a weak `W/"..."` tag never matches) nor `*`.
    /// Without `If-Match`, the write goes ahead, as it did before this step.
    static func checkIfMatch(_ request: Request, current task: TaskItem) throws {
        guard let value = request.headers["If-Match"] else { return }
        let current = tag(for: task)
        let tags = entityTags(in: value)
        // Strong comparison: a weak tag only promises "about the same", which is not enough to
        // write over someone else's change.
        guard tags.contains("*") || tags.contains(where: { weaklyEqual($0, current) }) else {
            throw HTTPError(
                .preconditionFailed,
                detail:
                    "The task has changed since you read it (it is now \(current)). Read it again, apply your change, and retry with the new ETag.",
                headers: ["ETag": current]
            )
        }
    }

    /// The entity tags in an `If-Match` or `If-None-Match` value: `"v1", W/"v2"` gives
    /// `["\"v1\"", "W/\"v2\""]`; `*` gives `["*"]`.
    static func entityTags(in value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Weak comparison (for `If-None-Match`): equal when the tags are equal once a `W/` in front
    /// is ignored. Strong comparison (for `If-Match`) is plain `==` on tags without `W/`.
    static func weaklyEqual(_ a: String, _ b: String) -> Bool {
        func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
        return opaque(a) == opaque(b)
    }
}
