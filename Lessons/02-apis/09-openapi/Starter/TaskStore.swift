// Given: you do not need to change this file.
import BackendKit

/// Reads and writes tasks in SQLite. The routes call it; it knows SQL, they do not.
/// Values always travel as bound parameters (the `?`s), never inside the SQL text.
struct TaskStore: Sendable {
    let database: Database

    /// Opens the store and creates the table when it does not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS tasks (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: a deleted task's id is never reused
            title    TEXT NOT NULL CHECK (title <> ''),
            status   TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
            assignee TEXT,
            due      TEXT,
            version  INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX IF NOT EXISTS tasks_status ON tasks (status);
        CREATE INDEX IF NOT EXISTS tasks_assignee ON tasks (assignee);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key         TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            status      INTEGER NOT NULL,
            location    TEXT,
            body        TEXT NOT NULL,
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        """

    static let columns = "id, title, status, assignee, due, version"

    /// Inserts a task and returns it with the id SQLite chose.
    func create(_ draft: TaskDraft) throws -> TaskItem {
        let row = try database.queryOne(
            "INSERT INTO tasks (title, status, assignee, due) VALUES (?, ?, ?, ?) RETURNING \(Self.columns)",
            draft.title, draft.status.rawValue, draft.assignee, draft.due
        )
        guard let row else { throw TaskStoreError.noRowReturned }
        return try TaskItem(row: row)
    }

    /// The task with this id, or `nil` when there is none.
    func find(id: Int) throws -> TaskItem? {
        try database.queryOne("SELECT \(Self.columns) FROM tasks WHERE id = ?", id).map(TaskItem.init(row:))
    }

    /// Reads the task, lets `change` compute its new fields from it, and writes them, in one
    /// transaction: no other request can change the task in between, so no update is lost.
    /// Returns the new task, or `nil` when there is no task with this id. When `change` throws,
    /// nothing is written and the error comes out of `update`.
    func update(id: Int, _ change: (TaskItem) throws -> TaskDraft) throws -> TaskItem? {
        try database.transaction { tx in
            guard
                let current = try tx.queryOne("SELECT \(Self.columns) FROM tasks WHERE id = ?", id).map(
                    TaskItem.init(row:))
            else {
                return nil
            }
            let draft = try change(current)
            return try tx.queryOne(
                """
                UPDATE tasks SET title = ?, status = ?, assignee = ?, due = ?, version = version + 1
                WHERE id = ? RETURNING \(Self.columns)
                """,
                draft.title, draft.status.rawValue, draft.assignee, draft.due, id
            ).map(TaskItem.init(row:))
        }
    }

    /// Deletes the task after `check` has looked at its current state, in one transaction, so the
    /// task cannot change between the check and the delete. Returns `false` when there was no task
    /// with this id. When `check` throws, nothing is deleted and the error comes out of `delete`.
    func delete(id: Int, check: (TaskItem) throws -> Void = { _ in }) throws -> Bool {
        try database.transaction { tx in
            guard
                let current = try tx.queryOne("SELECT \(Self.columns) FROM tasks WHERE id = ?", id).map(
                    TaskItem.init(row:))
            else {
                return false
            }
            try check(current)
            return try tx.execute("DELETE FROM tasks WHERE id = ?", id).changes > 0
        }
    }
}

/// Something the store did not expect from SQLite. It means a bug, so it becomes a 500.
enum TaskStoreError: Error, CustomStringConvertible {
    case noRowReturned
    case unknownStatus(String)

    var description: String {
        switch self {
        case .noRowReturned: "SQLite returned no row for INSERT ... RETURNING; check the statement."
        case .unknownStatus(let value):
            "The tasks table holds the unknown status \"\(value)\"; check its CHECK rule."
        }
    }
}

extension TaskItem {
    init(row: Row) throws {
        let status = try row.string("status")
        guard let known = TaskStatus(rawValue: status) else { throw TaskStoreError.unknownStatus(status) }
        self.init(
            id: try row.int("id"),
            title: try row.string("title"),
            status: known,
            assignee: try row.get("assignee"),
            due: try row.get("due"),
            version: try row.int("version")
        )
    }
}
