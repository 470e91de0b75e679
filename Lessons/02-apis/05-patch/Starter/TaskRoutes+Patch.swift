import BackendKit

/// The body of the first, naive partial update: every field optional.
private struct TaskChanges: Decodable {
    var title: String?
    var status: TaskStatus?
    var assignee: String?
    var due: String?
}

extension TaskRoutes {
    /// `PATCH /tasks/:id`: changes only the members the client sends, as a JSON Merge Patch.
    func patch(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        // TODO(learner): this first version cannot tell "assignee": null (remove the assignee) from
        //   a body without assignee (keep it): both decode to nil. It also checks nothing. Rewrite it:
        //   1. Accept only Content-Type: application/merge-patch+json (MergePatch.mediaType). Otherwise
        //      throw 415 with the header Accept-Patch: application/merge-patch+json.
        //   2. Read the body with request.json(), so null and "missing" stay different.
        //   3. In store.update, turn the current task into JSON (JSONValue(encoding:)), apply the
        //      patch with MergePatch.apply, and check the result with TaskInput.draft(from:).
        let changes = try request.decode(TaskChanges.self)
        let task = try store.update(id: id) { current in
            TaskDraft(
                title: changes.title ?? current.title,
                status: changes.status ?? current.status,
                assignee: changes.assignee ?? current.assignee,
                due: changes.due ?? current.due
            )
        }
        guard let task else { throw TaskRoutes.noTask(id) }
        return try .json(task)
    }
}
