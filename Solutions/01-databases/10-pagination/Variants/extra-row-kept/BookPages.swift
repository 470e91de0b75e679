import BackendKit

/// GET /books, one page at a time, with keyset pagination.
///
/// A page does not say "skip 40 rows" (OFFSET), which shifts when rows are added or deleted on
/// earlier pages. It says "the books after id 1040": the place stays the same whatever happens
/// before it, so no book is repeated or skipped. It is also fast on a big table: SQLite jumps to
/// the id with the primary key instead of reading and throwing away the skipped rows.
extension BookStore {
    /// One page of the books that match `filter`: at most `limit` books with an id above `after`, in
    /// id order, and the id to continue after when more books follow (nil on the last page).
    func page(after: Int, limit: Int, filter: BookFilter) throws -> BookPage {
        var (conditions, values) = Self.conditions(for: filter)
        conditions.append("books.id > ?")
        values.append(after)
        // One row more than the page holds tells whether another page follows.
        values.append(limit + 1)
        let books = try database.query(
            "\(Self.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY books.id LIMIT ?",
            parameters: values
        ).map(Book.init)
        let hasMore = books.count > limit
        return BookPage(items: books, nextAfter: hasMore ? books.last?.id : nil)
    }
}
