import BackendKit
import Foundation

/// `POST /tasks` with an `Idempotency-Key` header: the same key always gets the same answer, and
/// creates at most one task.
///
/// A phone sends `POST /tasks`; the network drops the answer. Did the task get created? The app
/// cannot know, so it sends the request again, with the same key. The first time, the server
/// creates the task and saves its answer under the key. Every retry gets the saved answer, and no
/// second task.
struct IdempotentCreate: Sendable {
    let store: TaskStore

    static let header = "Idempotency-Key"
    static let maxKeyLength = 255

    /// Creates the task for `draft` and answers 201 Created with it, once per key.
    func respond(to request: Request, draft: TaskDraft) throws -> Response {
        // TODO(learner): when the request has an Idempotency-Key header:
        //   1. Refuse a key that is empty or longer than 255 characters with 400.
        //   2. Compute the request's fingerprint with Self.fingerprint(of:).
        //   3. In ONE store.transaction { writer in ... }: look up writer.record(forKey:).
        //      - Found, with another fingerprint: the key was used for a different request. Throw 422.
        //      - Found, same fingerprint: a retry. Return its saved response, and create nothing.
        //      - Not found: create the task with writer.create, save an IdempotencyRecord with
        //        Self.savedResponse(for:), and return that response.
        //   Without the header, create the task as before.
        let task = try store.create(draft)
        return try .created(task, location: "/tasks/\(task.id)")
    }

    /// The answer to a new task as it is saved: 201, its Location, and its JSON.
    static func savedResponse(for task: TaskItem) throws -> SavedResponse {
        SavedResponse(
            status: 201, location: "/tasks/\(task.id)", body: try JSONValue(encoding: task).description)
    }

    /// A short fingerprint of the request body: the SHA-256 of its JSON with sorted keys and no
    /// spaces, so `{"a":1, "b":2}` and `{"b":2,"a":1}` count as the same request.
    static func fingerprint(of request: Request) throws -> String {
        Hex.encode(SHA256.hash(try request.json().description))
    }
}
