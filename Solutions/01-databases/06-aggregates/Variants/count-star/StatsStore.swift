import BackendKit

/// Numbers about the library, computed by SQLite in one query instead of loading every book.
struct StatsStore: Sendable {
    let database: Database

    /// One line per author with at least `minBooks` books: how many books, how many copies, and the
    /// average year of their books. Authors with the most books come first, then by name, then by id.
    ///
    /// - `LEFT JOIN` keeps authors without books: their book columns are NULL.
    /// - `COUNT(books.id)` counts only real books (NULLs are skipped); `COUNT(*)` would count the
    ///   single NULL row of an author without books as 1.
    /// - `SUM` of no values is NULL, so `COALESCE(…, 0)` turns it into 0.
    /// - `AVG` skips books without a year, and is NULL when no book has one.
    /// - `HAVING` filters groups after counting (`WHERE` filters rows before).
    func authors(minBooks: Int) throws -> [AuthorStats] {
        try database.query(
            """
            SELECT authors.id AS author_id, authors.name AS author_name,
                   COUNT(*) AS book_count,
                   COALESCE(SUM(books.copies), 0) AS copy_count,
                   ROUND(AVG(books.year), 1) AS average_year
            FROM authors
            LEFT JOIN books ON books.author_id = authors.id
            GROUP BY authors.id
            HAVING COUNT(books.id) >= ?
            ORDER BY book_count DESC, authors.name, authors.id
            """,
            minBooks
        ).map(AuthorStats.init)
    }
}
