import BackendKit

/// GET /books, one page at a time.
extension BookStore {
    /// One page of the books that match `filter`: at most `limit` books with an id above `after`, in
    /// id order, and the id to continue after when more books follow (nil on the last page).
    func page(after: Int, limit: Int, filter: BookFilter) throws -> BookPage {
        // TODO(learner): this is OFFSET pagination: it uses `after` as "skip this many rows". When a book is
        //   added or deleted on an earlier page, every later page shifts, and books are repeated or skipped.
        //   Use the id instead: add the condition books.id > ? (with `after`), ORDER BY books.id, and ask for
        //   limit + 1 rows. When the extra row comes back, another page follows, starting after the last id
        //   you return; otherwise nextAfter is nil.
        let (conditions, values) = Self.conditions(for: filter)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let books = try database.query(
            "\(Self.select) \(whereClause) ORDER BY books.id LIMIT ? OFFSET ?",
            parameters: values + [limit, after]
        ).map(Book.init)
        return BookPage(items: books, nextAfter: books.count == limit ? after + limit : nil)
    }
}
