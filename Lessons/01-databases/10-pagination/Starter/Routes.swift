// Given: you do not need to change this file.
// The HTTP side of the Bookshelf: it turns requests into BookStore calls and database errors into
// answers a client understands.
import BackendKit
import Foundation

func registerBookRoutes(on router: Router, store: BookStore) {
    router.post("/books") { request in
        let newBook = try request.decode(NewBook.self)
        do {
            let book = try store.create(newBook)
            return try .created(book, location: "/books/\(book.id)")
        } catch let error as DatabaseError {
            throw httpError(for: error)
        }
    }

    // GET /books?author=…&q=…&year_from=…&year_to=…&after=ID&limit=N
    // {"items": [...], "next": "/books?…&after=…&limit=…"}, with "next": null on the last page.
    router.get("/books") { request in
        if request.query["sort"] != nil || request.query["order"] != nil {
            throw HTTPError.badRequest(
                "GET /books pages through the books in id order; sort and order are not supported.")
        }
        let filter = BookFilter(
            author: given(request.query["author"]),
            titleContains: given(request.query["q"]),
            yearFrom: try request.query.int("year_from"),  // 400 when it is not a whole number
            yearTo: try request.query.int("year_to")
        )
        let after = try request.query.int("after") ?? 0
        guard after >= 0 else {
            throw HTTPError.badRequest("after must be the id of a book (0 or more), not \(after).")
        }
        let limit = try request.query.int("limit") ?? 20
        guard (1...100).contains(limit) else {
            throw HTTPError.badRequest("limit must be from 1 to 100, not \(limit).")
        }
        let page = try store.page(after: after, limit: limit, filter: filter)
        let next = page.nextAfter.map { nextLink(after: $0, limit: limit, filter: filter) }
        return try .json(PageAnswer(items: page.items, next: next))
    }

    router.get("/books/:id") { request in
        let id = try request.parameters.int("id")
        guard let book = try store.find(id: id) else {
            throw HTTPError.notFound("There is no book with id \(id).")
        }
        return try .json(book)
    }

    // PATCH /books/:id  {"title": "…", "year": null}: change only the fields sent.
    router.patch("/books/:id") { request in
        let id = try request.parameters.int("id")
        let patch = try BookPatch(json: request.json())
        let updated: Book?
        do {
            updated = try store.update(id: id, with: patch)
        } catch let error as DatabaseError {
            throw httpError(for: error)
        }
        guard let book = updated else {
            throw HTTPError.notFound("There is no book with id \(id).")
        }
        return try .json(book)
    }

    router.delete("/books/:id") { request in
        let id = try request.parameters.int("id")
        let deleted: Bool
        do {
            deleted = try store.delete(id: id)
        } catch let error as DatabaseError where error.isForeignKeyViolation {
            throw HTTPError.conflict("This book has loans, so it cannot be deleted.")
        }
        guard deleted else {
            throw HTTPError.notFound("There is no book with id \(id).")
        }
        return .noContent()
    }

    // A library scans the barcode on a book and looks it up by its ISBN.
    router.get("/books/isbn/:isbn") { request in
        let isbn = request.parameters["isbn"] ?? ""
        guard let book = try store.find(isbn: isbn) else {
            throw HTTPError.notFound("There is no book with ISBN \(isbn).")
        }
        return try .json(book)
    }
}

/// The JSON of one page. Written by hand so that the last page says `"next": null`.
private struct PageAnswer: Encodable {
    var items: [Book]
    var next: String?

    enum CodingKeys: String, CodingKey {
        case items, next
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(next, forKey: .next)
    }
}

/// The link to the next page: the same filters, and the place to continue from. A client follows it
/// as it is, without knowing how it is made.
private func nextLink(after: Int, limit: Int, filter: BookFilter) -> String {
    var query: [(String, String)] = []
    if let author = filter.author { query.append(("author", author)) }
    if let text = filter.titleContains { query.append(("q", text)) }
    if let yearFrom = filter.yearFrom { query.append(("year_from", String(yearFrom))) }
    if let yearTo = filter.yearTo { query.append(("year_to", String(yearTo))) }
    query.append(("after", String(after)))
    query.append(("limit", String(limit)))
    return "/books?" + query.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
}

/// Text safe inside a query string: everything but letters, digits and `-._~` is written as %XX.
private func percentEncoded(_ text: String) -> String {
    let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
}

/// A query parameter sent empty (`?author=`) counts as not given.
private func given(_ value: String?) -> String? {
    value?.isEmpty == false ? value : nil
}

/// Constraint violations are the client's mistake (a missing title, a duplicate ISBN, an author that
/// does not exist), so they get a 4xx answer that says which rule was broken. Anything else is a real
/// server error.
///
/// - Parameter reference: what to say when a foreign key points to nothing.
func httpError(
    for error: DatabaseError, reference: String = "author_id must be the id of an existing author."
) -> any Error {
    if error.isUniqueConstraintViolation {
        return HTTPError.conflict(
            "Another row already uses this value: \(error.sqliteMessage ?? "a constraint")")
    }
    if error.isForeignKeyViolation {
        return HTTPError(.unprocessableContent, detail: reference)
    }
    if error.isNotNullViolation || error.isCheckConstraintViolation {
        return HTTPError(
            .unprocessableContent,
            detail: "The data breaks a rule of the table: \(error.sqliteMessage ?? "a constraint")")
    }
    return error
}
