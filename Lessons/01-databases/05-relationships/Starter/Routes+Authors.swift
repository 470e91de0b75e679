// The authors' part of the API.
import BackendKit

func registerAuthorRoutes(on router: Router, authors: AuthorStore, books: BookStore) {
    router.post("/authors") { request in
        let newAuthor = try request.decode(NewAuthor.self)
        do {
            let author = try authors.create(newAuthor)
            return try .created(author, location: "/authors/\(author.id)")
        } catch let error as DatabaseError {
            throw httpError(for: error)
        }
    }

    router.get("/authors") { _ in
        try .json(try authors.all())
    }

    router.get("/authors/:id") { request in
        try .json(try existingAuthor(request, authors))
    }

    router.get("/authors/:id/books") { request in
        let author = try existingAuthor(request, authors)
        return try .json(try books.books(byAuthor: author.id))
    }

    router.delete("/authors/:id") { request in
        let id = try request.parameters.int("id")
        let deleted: Bool
        do {
            deleted = try authors.delete(id: id)
        } catch let error as DatabaseError where error.isForeignKeyViolation {
            throw HTTPError.conflict(
                "This author still has books. Delete those books, or give them another author, first.")
        }
        guard deleted else {
            throw HTTPError.notFound("There is no author with id \(id).")
        }
        return .noContent()
    }
}

/// The author named by the route's `:id`; 404 when there is none.
private func existingAuthor(_ request: Request, _ authors: AuthorStore) throws -> Author {
    let id = try request.parameters.int("id")
    guard let author = try authors.find(id: id) else {
        throw HTTPError.notFound("There is no author with id \(id).")
    }
    return author
}
