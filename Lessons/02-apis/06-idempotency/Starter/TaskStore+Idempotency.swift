import BackendKit
import Foundation

/// An answer kept under an `Idempotency-Key`, so a retry can get exactly the same answer again.
struct SavedResponse: Sendable, Equatable {
    var status: Int
    var location: String?
    /// The JSON body, as text.
    var body: String

    /// The answer as a `Response`, ready to send.
    var response: Response {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let location { headers["Location"] = location }
        return Response(status: HTTPStatus(code: status), headers: headers, body: Data(body.utf8))
    }
}

/// What the server remembers about one key: a fingerprint of the request and its answer.
struct IdempotencyRecord: Sendable, Equatable {
    var key: String
    /// Tells whether a retry sent the same request (see `IdempotentCreate.fingerprint`).
    var fingerprint: String
    var response: SavedResponse
}

extension TaskStore {
    /// How long a key is remembered. A retry comes within seconds or minutes; after a day the
    /// key is forgotten and the table does not grow without end.
    static let idempotencyKeyLifetime = "-1 day"

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`): while it runs, no other request can
    /// write. So "look up the key, create the task, save the key" happens as one step, even when
    /// two retries with the same key arrive at the same moment.
    func transaction<T>(_ body: (Writer) throws -> T) throws -> T {
        try database.transaction { tx in try body(Writer(tx: tx)) }
    }

    /// The store's operations inside a transaction. Use it only inside `transaction`'s closure.
    struct Writer {
        let tx: Transaction

        /// Inserts a task, as `TaskStore.create` does.
        func create(_ draft: TaskDraft) throws -> TaskItem {
            let row = try tx.queryOne(
                "INSERT INTO tasks (title, status, assignee, due) VALUES (?, ?, ?, ?) RETURNING \(TaskStore.columns)",
                draft.title, draft.status.rawValue, draft.assignee, draft.due
            )
            guard let row else { throw TaskStoreError.noRowReturned }
            return try TaskItem(row: row)
        }

        /// The record saved under `key` in the last day, or `nil`.
        func record(forKey key: String) throws -> IdempotencyRecord? {
            guard
                let row = try tx.queryOne(
                    """
                    SELECT key, fingerprint, status, location, body FROM idempotency_keys
                    WHERE key = ? AND created_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)
                    """,
                    key, TaskStore.idempotencyKeyLifetime
                )
            else { return nil }
            return IdempotencyRecord(
                key: try row.string("key"),
                fingerprint: try row.string("fingerprint"),
                response: SavedResponse(
                    status: try row.int("status"), location: try row.get("location"),
                    body: try row.string("body"))
            )
        }

        /// Saves `record` (replacing an expired record with the same key), and forgets keys older
        /// than a day.
        func save(_ record: IdempotencyRecord) throws {
            try tx.execute(
                "DELETE FROM idempotency_keys WHERE created_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
                TaskStore.idempotencyKeyLifetime
            )
            try tx.execute(
                "INSERT OR REPLACE INTO idempotency_keys (key, fingerprint, status, location, body) VALUES (?, ?, ?, ?, ?)",
                record.key, record.fingerprint, record.response.status, record.response.location,
                record.response.body
            )
        }
    }
}
