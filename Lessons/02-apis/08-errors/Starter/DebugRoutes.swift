import BackendKit

/// Routes for trying out failures by hand. `main.swift` adds them only when the environment
/// variable `TASKS_DEBUG` is `1`, so a real deployment never has them.
func registerDebugRoutes(on router: Router, store: TaskStore) {
    /// A bug on purpose: it reads a table that does not exist, so SQLite throws a `DatabaseError`
    /// whose text names the table and shows the SQL: exactly what must never reach a client.
    router.get("/debug/fail") { _ in
        let rows = try store.database.query("SELECT secret FROM internal_audit_log WHERE id = ?", 1)
        return try .json(["rows": rows.count])
    }
}
