// Given: you do not need to change this file in this exercise. It is your TaskRoutes from the
// last step, with one change: show, replace and remove use ETags (ETags.swift) for conditional
// requests. The If-Match check runs inside the store's transaction, so no other write can slip in
// between the check and the write.
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
        router.patch("/tasks/:id") { request in try patch(request) }
        router.delete("/tasks/:id") { request in try remove(request) }
    }

    /// `GET /tasks`: one page of tasks, filtered and sorted as the query asks, with the address of
    /// the next page.
    func list(_ request: Request) throws -> Response {
        let query = try ListQuery.parse(request.query)
        let page = try store.list(query)
        return try .json(TaskList(items: page.items, next: ListQuery.nextLink(for: query, after: page.next)))
    }

    /// `POST /tasks`: 201 Created, the new task, and its address in `Location`. A client may send
    /// an `Idempotency-Key`, so that retrying after a lost answer never creates a second task.
    func create(_ request: Request) throws -> Response {
        let draft = try TaskInput.read(from: request)
        return try IdempotentCreate(store: store).respond(to: request, draft: draft)
    }

    /// `GET /tasks/:id`: 200 with the task and its ETag, 304 when the client's copy is current,
    /// or 404 when there is none.
    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard let task = try store.find(id: id) else { throw Self.noTask(id) }
        return try ETags.read(task, for: request)
    }

    /// `PUT /tasks/:id`: replaces the whole task and answers 200 with it and its new ETag; 412 when
    /// `If-Match` names an older version. The server chooses the ids, so PUT on an unknown id is
    /// 404, not a way to create a task.
    func replace(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        let draft = try TaskInput.read(from: request)
        let task = try store.update(id: id) { current in
            try ETags.checkIfMatch(request, current: current)
            return draft
        }
        guard let task else { throw Self.noTask(id) }
        return try ETags.written(task)
    }

    /// `DELETE /tasks/:id`: 204 No Content (there is nothing left to show), 412 when `If-Match`
    /// names an older version, or 404.
    func remove(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        let deleted = try store.delete(id: id) { current in
            try ETags.checkIfMatch(request, current: current)
        }
        guard deleted else { throw Self.noTask(id) }
        return .noContent()
    }

    static func noTask(_ id: Int) -> HTTPError {
        HTTPError.notFound("There is no task with id \(id).")
    }
}
