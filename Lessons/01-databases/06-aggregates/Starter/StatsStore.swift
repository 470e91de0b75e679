import BackendKit

/// Numbers about the library, computed by SQLite in one query instead of loading every book.
struct StatsStore: Sendable {
    let database: Database

    /// One line per author with at least `minBooks` books: how many books, how many copies, and the
    /// average year of their books. Authors with the most books come first, then by name, then by id.
    func authors(minBooks: Int) throws -> [AuthorStats] {
        // TODO(learner): compute the numbers with one GROUP BY query:
        //   - keep authors without books too (a LEFT JOIN), with 0 books and 0 copies;
        //   - book_count: COUNT the books, copy_count: SUM their copies, average_year: AVG of their years;
        //   - keep only authors with at least minBooks books (HAVING … >= ?, with minBooks as the value);
        //   - ORDER BY book_count DESC, then the name, then the author's id.
        try database.query(
            """
            SELECT authors.id AS author_id, authors.name AS author_name,
                   0 AS book_count, 0 AS copy_count, NULL AS average_year
            FROM authors
            ORDER BY authors.id
            """
        ).map(AuthorStats.init)
    }
}
