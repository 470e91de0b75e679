import BackendKit
import Foundation

/// One task as the app keeps it. `ownerID` is the account that made it: the only one that may see,
/// change or delete it.
struct TaskItem: Sendable {
    let id: Int
    let ownerID: Int
    let title: String
    let done: Bool
    let createdAt: String

    init(row: Row) throws {
        id = try row.int("id")
        ownerID = try row.int("owner_id")
        title = try row.string("title")
        done = try row.bool("done")
        createdAt = try row.string("created_at")
    }

    var view: TaskView { TaskView(id: id, title: title, done: done, createdAt: createdAt) }
}

/// What a client sees of a task. The owner is not in it: the caller is always the owner.
struct TaskView: Encodable, Sendable {
    let id: Int
    let title: String
    let done: Bool
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, title, done
        case createdAt = "created_at"
    }
}

/// Reads and writes tasks in SQLite. It does what it is asked for: deciding who may ask is the job
/// of Authorization.swift.
struct TaskStore: Sendable {
    let database: Database

    /// Opens the store and creates its table when it does not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS tasks (
            id         INTEGER PRIMARY KEY,
            owner_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            title      TEXT NOT NULL,
            done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tasks_by_owner ON tasks (owner_id, id);
        """

    static let columns = "id, owner_id, title, done, created_at"

    /// Adds a task owned by `ownerID`.
    func create(ownerID: Int, title: String, at now: Date) throws -> TaskItem {
        let row = try database.queryOne(
            "INSERT INTO tasks (owner_id, title, created_at) VALUES (?, ?, ?) RETURNING \(Self.columns)",
            ownerID, title, AccountStore.timestamp(now))
        return try TaskItem(row: row!)
    }

    /// The task with this id, whoever owns it, or `nil`.
    func find(id: Int) throws -> TaskItem? {
        try database.queryOne("SELECT \(Self.columns) FROM tasks WHERE id = ?", id).map(
            TaskItem.init(row:))
    }

    /// Every task of every account, oldest first.
    func all() throws -> [TaskItem] {
        try database.query("SELECT \(Self.columns) FROM tasks ORDER BY id").map(TaskItem.init(row:))
    }

    /// The tasks `ownerID` owns, oldest first.
    func list(ownerID: Int) throws -> [TaskItem] {
        try database.query("SELECT \(Self.columns) FROM tasks WHERE owner_id = ? ORDER BY id", ownerID)
            .map(
                TaskItem.init(row:))
    }

    /// Saves a new title and done flag for the task with this id.
    func update(id: Int, title: String, done: Bool) throws -> TaskItem? {
        try database.queryOne(
            "UPDATE tasks SET title = ?, done = ? WHERE id = ? RETURNING \(Self.columns)", title, done, id
        ).map(TaskItem.init(row:))
    }

    /// Deletes the task with this id.
    func delete(id: Int) throws {
        try database.execute("DELETE FROM tasks WHERE id = ?", id)
    }
}
