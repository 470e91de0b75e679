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
    struct Assignee: Encodable {
        var username: String
    }

    var id: Int
    var title: String
    var status: TaskStatus
    var assignee: Assignee?
    var due: String?

    init(_ task: TaskItem) {
        id = task.id
        title = task.title
        status = task.status
        assignee = task.assignee.map(Assignee.init(username:))
        due = task.due
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, status, assignee, due
    }

    /// Like v1, every member is always present: an empty one is `null`, not missing.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(assignee, forKey: .assignee)
        try container.encode(due, forKey: .due)
    }
}
