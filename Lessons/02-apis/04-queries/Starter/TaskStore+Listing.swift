import BackendKit

extension TaskStore {
    /// One page of tasks for `query`: filtered, sorted, at most `limit` long.
    ///
    /// Paging is by **keyset**, not by offset: the next page asks for the tasks that come after
    /// the last one shown (`WHERE (title, id) > (?, ?)`), not for "rows 21 to 40". Rows added or
    /// deleted meanwhile do not shift the pages, and the index finds the start at once.
    func list(_ query: TaskQuery) throws -> TaskPage {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let status = query.status {
            conditions.append("status = ?")
            values.append(status.rawValue)
        }
        if let assignee = query.assignee {
            conditions.append("assignee = ?")
            values.append(assignee)
        }
        let key = Self.sortKey(query.sort.field)
        let comparison = query.sort.descending ? "<" : ">"
        if let cursor = query.cursor {
            if query.sort.field == .id {
                conditions.append("id \(comparison) ?")
                values.append(cursor.id)
            } else {
                conditions.append("(\(key), id) \(comparison) (?, ?)")
                values += [cursor.key, cursor.id]
            }
        }
        let direction = query.sort.descending ? "DESC" : "ASC"
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // One row more than the page holds tells us whether there is a next page.
        values.append(query.limit + 1)
        let rows = try database.query(
            """
            SELECT \(Self.columns), \(key) AS sort_key FROM tasks \(filter)
            ORDER BY \(key) \(direction), id \(direction) LIMIT ?
            """,
            parameters: values
        )
        let items = try rows.prefix(query.limit).map(TaskItem.init(row:))
        guard rows.count > query.limit, let last = rows.prefix(query.limit).last else {
            return TaskPage(items: items, next: nil)
        }
        let lastKey = query.sort.field == .id ? "" : try last.string("sort_key")
        return TaskPage(
            items: items, next: TaskCursor(sort: query.sort, key: lastKey, id: try last.int("id")))
    }

    /// The SQL for each allowed sort field: fixed text, never built from what a client sent.
    /// A task without a due date sorts as if it were due on the last day of 9999.
    private static func sortKey(_ field: TaskSort.Field) -> String {
        switch field {
        case .id: "id"
        case .title: "title"
        case .due: "COALESCE(due, '9999-12-31')"
        }
    }
}
