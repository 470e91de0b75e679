import BackendKit

/// One line of `GET /stats/authors`:
/// `{"author": {"id": 2, "name": "Andrea Hirata"}, "books": 3, "copies": 6, "average_year": 2006}`.
struct AuthorStats: Encodable, Equatable {
    var author: Author
    /// How many books the author has in the library (0 for none).
    var books: Int
    /// All copies of all their books together (0 for none).
    var copies: Int
    /// The average year of their books that have a year; nil (JSON null) when none has one.
    var averageYear: Double?

    enum CodingKeys: String, CodingKey {
        case author, books, copies
        case averageYear = "average_year"
    }

    /// Written by hand so that a missing average is sent as `null` instead of being left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(author, forKey: .author)
        try container.encode(books, forKey: .books)
        try container.encode(copies, forKey: .copies)
        try container.encode(averageYear, forKey: .averageYear)
    }
}

extension AuthorStats {
    /// Reads a row with the columns author_id, author_name, book_count, copy_count and average_year.
    init(row: Row) throws {
        self.init(
            author: Author(id: try row.int("author_id"), name: try row.string("author_name")),
            books: try row.int("book_count"),
            copies: try row.int("copy_count"),
            averageYear: try row.get("average_year")
        )
    }
}
