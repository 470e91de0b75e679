import BackendKit

/// GET /books: turns the filters and the sort order a client asked for into one SELECT.
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
        // TODO(learner): for each filter that was given, add a condition with ? and its value:
        //   author (the exact author), yearFrom (year >= ?), yearTo (year <= ?), and titleContains
        //   (the title contains the text, in any case; a % or _ in the text must match only itself).
        let conditions: [String] = []
        let values: [any SQLBindable] = []
        return (conditions, values)
    }

    /// The text after ORDER BY. A column name cannot be a `?` parameter, so it goes into the SQL
    /// text, and that is why it must be checked first.
    static func orderBy(_ filter: BookFilter) throws -> String {
        // TODO(learner): accept only the sort columns id, title and year and the orders asc and desc;
        //   for anything else throw HTTPError.badRequest with a message that lists the allowed values.
        //   End the clause with id, so that books with the same year or title always come in the same order.
        "\(filter.sort ?? "id") \(filter.order ?? "asc")"
    }
}
