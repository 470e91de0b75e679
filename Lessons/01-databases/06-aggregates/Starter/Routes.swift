// Given: you do not need to change this file.
// The HTTP side of the Bookshelf: it turns requests into BookStore calls and database errors into
// answers a client understands.
import BackendKit

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

    // GET /books?author=…&q=…&year_from=…&year_to=…&sort=title|year|id&order=asc|desc
    router.get("/books") { request in
        let filter = BookFilter(
            author: given(request.query["author"]),
            titleContains: given(request.query["q"]),
            yearFrom: try request.query.int("year_from"),  // 400 when it is not a whole number
            yearTo: try request.query.int("year_to"),
            sort: given(request.query["sort"]),
            order: given(request.query["order"])
        )
        return try .json(try store.list(filter))
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
        guard try store.delete(id: id) else {
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

/// A query parameter sent empty (`?author=`) counts as not given.
private func given(_ value: String?) -> String? {
    value?.isEmpty == false ? value : nil
}

/// Constraint violations are the client's mistake (a missing title, a duplicate ISBN, an author that
/// does not exist), so they get a 4xx answer that says which rule was broken. Anything else is a real
/// server error.
func httpError(for error: DatabaseError) -> any Error {
    if error.isUniqueConstraintViolation {
        return HTTPError.conflict(
            "Another row already uses this value: \(error.sqliteMessage ?? "a constraint")")
    }
    if error.isForeignKeyViolation {
        return HTTPError(.unprocessableContent, detail: "author_id must be the id of an existing author.")
    }
    if error.isNotNullViolation || error.isCheckConstraintViolation {
        return HTTPError(
            .unprocessableContent,
            detail: "The data breaks a rule of the table: \(error.sqliteMessage ?? "a constraint")")
    }
    return error
}
