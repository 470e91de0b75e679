import BackendKit

/// The body of `POST /tasks`.
struct NewTask: Decodable, Sendable {
    let title: String
}

/// The body of `PATCH /tasks/:id`: only what is sent changes.
struct TaskChanges: Decodable, Sendable {
    let title: String?
    let done: Bool?
}

/// What `PATCH /me` answers: the account and its display name.
struct ProfileView: Encodable, Sendable {
    let id: Int
    let email: String
    let role: String
    let displayName: String?

    enum CodingKeys: String, CodingKey {
        case id, email, role
        case displayName = "display_name"
    }
}

/// Each account's tasks, the admin's list of accounts and the profile update. Every handler asks
/// Authorization.swift who the caller is and what they may touch before it reads or writes.
struct TaskRoutes: Sendable {
    let accounts: AccountStore
    let sessions: SessionStore
    let tasks: TaskStore
    let profiles: ProfileStore

    /// The longest task title the app keeps, in characters.
    static let maximumTitleLength = 200

    init(database: Database, accounts: AccountStore, sessions: SessionStore) throws {
        self.accounts = accounts
        self.sessions = sessions
        tasks = try TaskStore(database: database)
        profiles = try ProfileStore(database: database)
    }

    func register(on router: Router) {
        router.post("/tasks") { request in try create(request) }
        router.get("/tasks") { request in try list(request) }
        router.get("/tasks/:id") { request in try show(request) }
        router.patch("/tasks/:id") { request in try change(request) }
        router.delete("/tasks/:id") { request in try remove(request) }
        router.get("/admin/accounts") { request in try adminAccounts(request) }
        router.patch("/me") { request in try changeProfile(request) }
    }

    func caller(_ request: Request) throws -> Account {
        try signedInAccount(request, sessions: sessions, accounts: accounts)
    }

    /// `POST /tasks` with `{"title"}`: 201 with the new task, owned by the caller.
    func create(_ request: Request) throws -> Response {
        let account = try caller(request)
        try request.requireContentType()
        let body = try request.decode(NewTask.self)
        let title = try Self.checkedTitle(body.title)
        let task = try tasks.create(ownerID: account.id, title: title, at: request.now)
        return try .json(task.view, status: .created)
    }

    /// `GET /tasks`: the caller's tasks.
    func list(_ request: Request) throws -> Response {
        let account = try caller(request)
        return try .json(visibleTasks(of: account, in: tasks).map(\.view))
    }

    /// `GET /tasks/:id`: the task, when the caller may read it.
    func show(_ request: Request) throws -> Response {
        let account = try caller(request)
        let task = try authorize(
            .read, taskID: request.parameters.int("id"), account: account, tasks: tasks, request: request)
        return try .json(task.view)
    }

    /// `PATCH /tasks/:id` with `{"title"?, "done"?}`: the changed task.
    func change(_ request: Request) throws -> Response {
        let account = try caller(request)
        let task = try authorize(
            .change, taskID: request.parameters.int("id"), account: account, tasks: tasks,
            request: request)
        try request.requireContentType()
        let changes = try request.decode(TaskChanges.self)
        let title = try changes.title.map(Self.checkedTitle) ?? task.title
        guard let saved = try tasks.update(id: task.id, title: title, done: changes.done ?? task.done)
        else {
            throw HTTPError.notFound("No task with this id.")
        }
        return try .json(saved.view)
    }

    /// `DELETE /tasks/:id`: 204 once it is gone.
    func remove(_ request: Request) throws -> Response {
        let account = try caller(request)
        let task = try authorize(
            .delete, taskID: request.parameters.int("id"), account: account, tasks: tasks,
            request: request)
        try tasks.delete(id: task.id)
        return .noContent()
    }

    /// `GET /admin/accounts`: every account, for an admin only.
    func adminAccounts(_ request: Request) throws -> Response {
        _ = try requireAdmin(request, sessions: sessions, accounts: accounts)
        return try .json(profiles.allAccounts())
    }

    /// `PATCH /me` with `{"display_name"}`: the caller's profile after the change.
    func changeProfile(_ request: Request) throws -> Response {
        let account = try caller(request)
        try request.requireContentType()
        try updateProfile(request, of: account, in: profiles)
        // Read back from the database, so the answer shows what is really stored.
        guard let saved = try accounts.find(id: account.id) else {
            throw HTTPError.unauthorized("Log in first.")
        }
        return try .json(
            ProfileView(
                id: saved.id, email: saved.email, role: saved.role,
                displayName: profiles.displayName(accountID: saved.id)))
    }

    static func checkedTitle(_ title: String) throws -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumTitleLength else {
            throw HTTPError.validation([
                (field: "title", message: "Give a title of 1 to \(maximumTitleLength) characters.")
            ])
        }
        return trimmed
    }
}
