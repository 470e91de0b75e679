// The shapes of the JSON that goes in and out of the Tasks API.

/// Where a task stands. The API sends and accepts exactly these words.
enum TaskStatus: String, Codable, CaseIterable, Sendable {
    case todo, doing, done
}

/// A task as the API returns it:
/// `{"assignee":"dewi","due":"2026-12-01","id":7,"status":"todo","title":"Write the release notes"}`.
///
/// It is called `TaskItem`, not `Task`, because Swift already uses the name `Task` for concurrency.
struct TaskItem: Encodable, Equatable, Sendable {
    var id: Int
    var title: String
    var status: TaskStatus
    /// The username of the person doing the task; `nil` while nobody is assigned.
    var assignee: String?
    /// The day the task is due, as `YYYY-MM-DD` (for example `2026-12-01`); `nil` when there is none.
    var due: String?
    /// Goes up by one with every change. It is not part of the JSON.
    var version: Int

    private enum CodingKeys: String, CodingKey {
        case id, title, status, assignee, due
    }

    /// Every member is always present; an empty optional field is sent as `null`, so clients can
    /// rely on the shape.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(assignee, forKey: .assignee)
        try container.encode(due, forKey: .due)
    }
}

/// The fields a client chooses: the body of `POST /tasks` and `PUT /tasks/:id`.
/// The server chooses the id.
struct TaskDraft: Decodable, Equatable, Sendable {
    var title: String
    var status: TaskStatus
    var assignee: String?
    var due: String?

    init(title: String, status: TaskStatus = .todo, assignee: String? = nil, due: String? = nil) {
        self.title = title
        self.status = status
        self.assignee = assignee
        self.due = due
    }

    private enum CodingKeys: String, CodingKey {
        case title, status, assignee, due
    }

    /// `status` may be left out; a new task starts as `todo`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        status = try container.decodeIfPresent(TaskStatus.self, forKey: .status) ?? .todo
        assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
        due = try container.decodeIfPresent(String.self, forKey: .due)
    }
}

/// The body of `GET /tasks`. The list sits inside an object, so members can be added later (a link
/// to the next page, for example) without breaking clients.
struct TaskList: Encodable, Sendable {
    var items: [TaskItem]
}
