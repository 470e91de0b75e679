// Given: you do not need to change this file.
// The shapes of the JSON that goes in and out of the Bookshelf API.

/// An author as the API returns it, alone or inside a book.
struct Author: Codable, Equatable {
    var id: Int
    var name: String
}

/// A book as the API returns it, with its author:
/// `{"id": 1, "title": "Laskar Pelangi", "author": {"id": 3, "name": "Andrea Hirata"}, …}`.
struct Book: Codable, Equatable {
    var id: Int
    var title: String
    var author: Author
    var isbn: String
    var year: Int?
    var copies: Int
    /// When the book was added, set by the database: `2026-01-31T09:30:00.123Z`.
    var createdAt: String
    /// When the book last changed, set by the database.
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, title, author, isbn, year, copies
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// What a client sends to add an author.
struct NewAuthor: Codable {
    var name: String?
}

/// What a client sends to add a book. Every field is optional here on purpose: the database, not
/// this struct, decides what is required, so you can see your constraints at work.
struct NewBook: Codable {
    var title: String?
    var authorID: Int?
    var isbn: String?
    var year: Int?
    var copies: Int?

    enum CodingKeys: String, CodingKey {
        case title, isbn, year, copies
        case authorID = "author_id"
    }
}

/// What `GET /books` was asked for. Each filter is optional: nil means "not given".
struct BookFilter {
    /// `?author=Andrea Hirata`: only books by an author with exactly this name.
    var author: String?
    /// `?q=pelangi`: only books whose title contains this text, in any case.
    var titleContains: String?
    /// `?year_from=2000`: only books published in this year or later.
    var yearFrom: Int?
    /// `?year_to=2010`: only books published in this year or earlier.
    var yearTo: Int?
    /// `?sort=year`: the column to sort by, exactly as the client sent it. Check it before use!
    var sort: String?
    /// `?order=desc`: the direction, exactly as the client sent it. Check it before use!
    var order: String?
}
