import BackendKit

/// The HTTP side of the Tasks API. Each handler turns a request into TaskStore calls, then picks
/// the status code and headers that tell the client exactly what happened.
struct TaskRoutes: Sendable {
    let store: TaskStore

    /// One route per method and path: the router then answers 405 Method Not Allowed, with an
    /// `Allow` header, for any other method on these paths, and 404 for paths that do not exist.
    func register(on router: Router) {
        router.get("/tasks") { request in try list(request) }
        router.post("/tasks") { request in try create(request) }
        router.get("/tasks/:id") { request in try show(request) }
        router.put("/tasks/:id") { request in try replace(request) }
        router.delete("/tasks/:id") { request in try remove(request) }
    }

    /// `GET /tasks`: every task, oldest first.
    func list(_ request: Request) throws -> Response {
        try .json(TaskList(items: try store.all()))
    }

    /// `POST /tasks`: 201 Created, the new task, and its address in `Location`, so the client does
    /// not have to guess the URL of what it just made.
    func create(_ request: Request) throws -> Response {
        let draft = try request.decode(TaskDraft.self)
        let task = try store.create(draft)
        return try .created(task, location: "/tasks/\(task.id)")
    }

    /// `GET /tasks/:id`: 200 with the task, or 404 when there is none.
    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard let task = try store.find(id: id) else { throw Self.noTask(id) }
        return try .json(task)
    }

    /// `PUT /tasks/:id`: replaces the whole task and answers 200 with it. The server chooses the
    /// ids, so PUT on an unknown id is 404, not a way to create a task.
    func replace(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        let draft = try request.decode(TaskDraft.self)
        guard let task = try store.replace(id: id, with: draft) else { throw Self.noTask(id) }
        return try .json(task)
    }

    /// `DELETE /tasks/:id`: 204 No Content (there is nothing left to show), or 404.
    func remove(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard try store.delete(id: id) else { throw Self.noTask(id) }
        return .text("Deleted")
    }

    static func noTask(_ id: Int) -> HTTPError {
        HTTPError.notFound("There is no task with id \(id).")
    }
}
