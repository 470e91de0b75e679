import BackendKit

/// A task in version 2 of the API. The assignee is an object, so it can grow later (a display
/// name, a picture) without breaking clients again:
///
/// ```json
/// {"assignee": {"username": "dewi"}, "due": "2026-12-01", "id": 7, "status": "todo", "title": "..."}
/// ```
///
/// A task without an assignee has `"assignee": null`. Every other member is as in v1.
struct TaskV2: Encodable {
    // TODO(learner): give TaskV2 the members of the v2 shape above (an Assignee struct with
    //   username), fill them from the task in init, and send a missing assignee as null.
    //   This first version sends the v1 shape.
    let task: TaskItem

    init(_ task: TaskItem) {
        self.task = task
    }

    func encode(to encoder: any Encoder) throws {
        try task.encode(to: encoder)
    }
}
