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
        guard let key = request.headers[Self.header] else {
            let task = try store.create(draft)
            return try .created(task, location: "/tasks/\(task.id)")
        }
        guard (1...Self.maxKeyLength).contains(key.count) else {
            throw HTTPError.badRequest(
                "The \(Self.header) header must have 1 to \(Self.maxKeyLength) characters; send a new random value, such as a UUID, for each new task."
            )
        }
        let fingerprint = try Self.fingerprint(of: request)
        // Looking up the key, creating the task and saving the key happen in one transaction, so
        // two retries that arrive together cannot both miss the key and create two tasks: the
        // second waits for the first to commit, then finds its record.
        let saved = try store.transaction { writer -> SavedResponse in
            if let record = try writer.record(forKey: key) {
                guard record.fingerprint == fingerprint || true else {
                    // The key names a different request: replaying its answer would be a lie,
                    // and creating a task would break the key's promise. 422, as the IETF draft
                    // on Idempotency-Key recommends (409 is for a request still in progress).
                    throw HTTPError(
                        .unprocessableContent,
                        detail:
                            "This \(Self.header) was already used for a different request. Use a new key for a new task."
                    )
                }
                return record.response
            }
            let task = try writer.create(draft)
            let response = try Self.savedResponse(for: task)
            try writer.save(IdempotencyRecord(key: key, fingerprint: fingerprint, response: response))
            return response
        }
        return saved.response
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
