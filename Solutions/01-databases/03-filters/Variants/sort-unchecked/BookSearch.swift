import BackendKit

/// GET /books: turns the filters and the sort order a client asked for into one SELECT.
///
/// The SQL text is built only from pieces written here, in the code. Values from the client travel
/// as bound parameters. The one part that cannot be a parameter, the column to sort by, is picked
/// from a fixed list, so the client can choose between our pieces but never add its own.
extension BookStore {
    /// The books that match every filter given, in the order asked for.
    func list(_ filter: BookFilter) throws -> [Book] {
        let (conditions, values) = Self.conditions(for: filter)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT id, title, author, isbn, year, copies FROM books
            \(whereClause)
            ORDER BY \(try Self.orderBy(filter))
            """
        return try database.query(sql, parameters: values).map(Book.init)
    }

    /// One SQL condition with a `?` for each filter that was given, and the values for those `?`s,
    /// in the same order. `list` joins the conditions with AND.
    static func conditions(for filter: BookFilter) -> (conditions: [String], values: [any SQLBindable]) {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let author = filter.author {
            conditions.append("author = ?")
            values.append(author)
        }
        if let yearFrom = filter.yearFrom {
            conditions.append("year >= ?")
            values.append(yearFrom)
        }
        if let yearTo = filter.yearTo {
            conditions.append("year <= ?")
            values.append(yearTo)
        }
        if let text = filter.titleContains {
            // LIKE ignores the case of A–Z, and reads % and _ as wildcards. Escaping them with \
            // makes "100%" look for a real percent sign.
            conditions.append("title LIKE ? ESCAPE '\\'")
            values.append("%" + escapedForLike(text) + "%")
        }
        return (conditions, values)
    }

    /// The columns a client may sort by, and the directions. Only these strings ever reach the SQL.
    static let sortColumns = ["id", "title", "year"]
    static let sortOrders = ["asc", "desc"]

    /// The text after ORDER BY. A column name cannot be a `?` parameter, so it goes into the SQL
    /// text, and that is why it is checked against the lists above first.
    static func orderBy(_ filter: BookFilter) throws -> String {
        let sort = filter.sort ?? "id"
        let order = filter.order ?? "asc"
        let column = sort
        guard let direction = sortOrders.first(where: { $0 == order }) else {
            throw HTTPError.badRequest(
                "order must be one of \(sortOrders.joined(separator: ", ")), not \"\(order)\".")
        }
        // Books with the same year (or title) come out by id, so every request gets the same order.
        return "\(column) \(direction.uppercased()), id"
    }
}

/// `text` with LIKE's special characters (`%`, `_` and the escape character `\` itself) escaped.
private func escapedForLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
        if character == "%" || character == "_" || character == "\\" {
            escaped.append("\\")
        }
        escaped.append(character)
    }
    return escaped
}
