// The HTTP side of the Bookshelf: it turns requests into BookStore calls and database errors into
// answers a client understands.
import BackendKit

func registerRoutes(on router: Router, store: BookStore) {
    router.post("/books") { request in
        let newBook = try request.decode(NewBook.self)
        do {
            let book = try store.create(newBook)
            return try .created(book, location: "/books/\(book.id)")
        } catch let error as DatabaseError {
            throw httpError(for: error)
        }
    }

    router.get("/books") { _ in
        try .json(try store.all())
    }

    router.get("/books/:id") { request in
        let id = try request.parameters.int("id")
        guard let book = try store.find(id: id) else {
            throw HTTPError.notFound("There is no book with id \(id).")
        }
        return try .json(book)
    }
}

/// Constraint violations are the client's mistake (a missing title, a duplicate ISBN), so they get a
/// 4xx answer that says which rule was broken. Anything else is a real server error.
func httpError(for error: DatabaseError) -> any Error {
    if error.isUniqueConstraintViolation {
        return HTTPError.conflict(
            "Another book already uses this value: \(error.sqliteMessage ?? "a constraint")")
    }
    if error.isNotNullViolation || error.isCheckConstraintViolation {
        return HTTPError(
            .unprocessableContent,
            detail: "The book breaks a rule of the books table: \(error.sqliteMessage ?? "a constraint")")
    }
    return error
}
