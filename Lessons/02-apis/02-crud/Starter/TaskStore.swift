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

    /// Every task, oldest first.
    func all() throws -> [TaskItem] {
        try database.query("SELECT \(Self.columns) FROM tasks ORDER BY id").map(TaskItem.init(row:))
    }

    /// Replaces every field a client chooses; returns the new task, or `nil` when there is no task
    /// with this id (nothing is created then).
    func replace(id: Int, with draft: TaskDraft) throws -> TaskItem? {
        try database.queryOne(
            """
            UPDATE tasks SET title = ?, status = ?, assignee = ?, due = ?, version = version + 1
            WHERE id = ? RETURNING \(Self.columns)
            """,
            draft.title, draft.status.rawValue, draft.assignee, draft.due, id
        ).map(TaskItem.init(row:))
    }

    /// Deletes the task; returns `false` when there was no task with this id.
    func delete(id: Int) throws -> Bool {
        try database.execute("DELETE FROM tasks WHERE id = ?", id).changes > 0
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
