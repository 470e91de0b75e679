import BackendKit

extension TaskRoutes {
    /// `PATCH /tasks/:id`: changes only the members the client sends, as a JSON Merge Patch.
    ///
    /// The patch is applied to the task's JSON and the result is checked with the same rules as a
    /// PUT, so a patch can never produce a task that PUT would refuse. Reading, merging and writing
    /// happen in one transaction (`store.update`), so two patches at once cannot undo each other.
    func patch(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard request.headers["Content-Type"] == MergePatch.mediaType else {
            let got = request.headers["Content-Type"].map { "\"\($0)\"" } ?? "no Content-Type"
            throw HTTPError(
                .unsupportedMediaType,
                detail: "Send the patch as \(MergePatch.mediaType) (the request said \(got)).",
                headers: ["Accept-Patch": MergePatch.mediaType]
            )
        }
        let patch = try request.json()
        let task = try store.update(id: id) { current in
            let merged = MergePatch.apply(patch, to: try JSONValue(encoding: current))
            return try TaskInput.draft(from: merged)
        }
        guard let task else { throw TaskRoutes.noTask(id) }
        return try .json(task)
    }
}
