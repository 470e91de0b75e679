// Given: you do not need to change this file in this exercise. It is your IdempotentCreate from
// the exercise on idempotency, with one change: the answer is in the chosen representation, its
// Location is under the mount's base path, and both are part of the fingerprint.
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
    /// Where the task routes are mounted, such as `/v2/tasks`: the start of `Location`.
    let base: String

    static let header = "Idempotency-Key"
    static let maxKeyLength = 255

    /// Creates the task for `draft` and answers 201 Created with it, once per key.
    func respond(to request: Request, draft: TaskDraft, as representation: Representation) throws -> Response
    {
        guard let key = request.headers[Self.header] else {
            let task = try store.create(draft)
            return try savedResponse(for: task, as: representation).response
        }
        guard (1...Self.maxKeyLength).contains(key.count) else {
            throw HTTPError.badRequest(
                "The \(Self.header) header must have 1 to \(Self.maxKeyLength) characters; send a new random value, such as a UUID, for each new task."
            )
        }
        let fingerprint = try fingerprint(of: request, as: representation)
        // Looking up the key, creating the task and saving the key happen in one transaction, so
        // two retries that arrive together cannot both miss the key and create two tasks: the
        // second waits for the first to commit, then finds its record.
        let saved = try store.transaction { writer -> SavedResponse in
            if let record = try writer.record(forKey: key) {
                guard record.fingerprint == fingerprint else {
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
            let response = try savedResponse(for: task, as: representation)
            try writer.save(IdempotencyRecord(key: key, fingerprint: fingerprint, response: response))
            return response
        }
        return saved.response
    }

    /// The answer to a new task as it is saved: 201, its Location, and its JSON in `representation`.
    func savedResponse(for task: TaskItem, as representation: Representation) throws -> SavedResponse {
        SavedResponse(
            status: 201, location: "\(base)/\(task.id)", body: try representation.body(for: task).description,
            contentType: representation.mediaType)
    }

    /// A short fingerprint of the request: the SHA-256 of where it went, the representation it
    /// asked for, and its JSON with sorted keys and no spaces (so `{"a":1, "b":2}` and
    /// `{"b":2,"a":1}` count as the same request). A retry that asks for another version is a
    /// different request: replaying the first answer would send the wrong shape.
    func fingerprint(of request: Request, as representation: Representation) throws -> String {
        Hex.encode(SHA256.hash("\(base) \(representation.mediaType) " + (try request.json().description)))
    }
}
