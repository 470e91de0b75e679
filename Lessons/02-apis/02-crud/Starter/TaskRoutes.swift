import BackendKit

/// The HTTP side of the Tasks API. Each handler turns a request into TaskStore calls, then picks
/// the status code and headers that tell the client exactly what happened.
struct TaskRoutes: Sendable {
    let store: TaskStore

    func register(on router: Router) {
        router.get("/tasks") { request in try list(request) }
        // TODO(learner): register one route per method and path, each calling its handler below:
        //   POST /tasks → create, GET /tasks/:id → show, PUT /tasks/:id → replace, DELETE /tasks/:id → remove.
        //   Use router.post, router.get, router.put and router.delete: the router then answers
        //   405 Method Not Allowed (with an Allow header) for every other method by itself.
    }

    /// `GET /tasks`: every task, oldest first.
    func list(_ request: Request) throws -> Response {
        try .json(TaskList(items: try store.all()))
    }

    /// `POST /tasks`: creates a task from the JSON body.
    func create(_ request: Request) throws -> Response {
        let draft = try request.decode(TaskDraft.self)
        // TODO(learner): store the draft with store.create, then answer 201 Created with the new task
        //   and a Location header with its address, such as /tasks/7.
        _ = draft
        throw HTTPError(.notImplemented, detail: "TODO: create the task.")
    }

    /// `GET /tasks/:id`: one task.
    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        // TODO(learner): find the task with store.find(id:). Answer 200 with it, or 404 Not Found
        //   (throw HTTPError.notFound("...")) when there is no task with this id.
        _ = id
        throw HTTPError(.notImplemented, detail: "TODO: show the task.")
    }

    /// `PUT /tasks/:id`: replaces the task with the JSON body.
    func replace(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        let draft = try request.decode(TaskDraft.self)
        // TODO(learner): replace the task with store.replace(id:with:). Answer 200 with the new task,
        //   or 404 Not Found when there is no task with this id (PUT must not create one here).
        _ = (id, draft)
        throw HTTPError(.notImplemented, detail: "TODO: replace the task.")
    }

    /// `DELETE /tasks/:id`: deletes the task.
    func remove(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        // TODO(learner): delete the task with store.delete(id:). Answer 204 No Content (no body),
        //   or 404 Not Found when there was no task with this id.
        _ = id
        throw HTTPError(.notImplemented, detail: "TODO: delete the task.")
    }
}
