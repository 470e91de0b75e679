// The shapes of the JSON that goes in and out of the Bookshelf API.

/// A book as the API returns it.
struct Book: Codable, Equatable {
    var id: Int
    var title: String
    var author: String
    var isbn: String
    var year: Int?
    var copies: Int
}

/// What a client sends to add a book. Every field is optional here on purpose: the database, not
/// this struct, decides what is required, so you can see your constraints at work.
struct NewBook: Codable {
    var title: String?
    var author: String?
    var isbn: String?
    var year: Int?
    var copies: Int?
}
