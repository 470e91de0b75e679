import BackendKit

/// Reads and writes authors. Their books are in `BookStore`.
struct AuthorStore: Sendable {
    let database: Database

    func create(_ author: NewAuthor) throws -> Author {
        let row = try database.queryOne(
            "INSERT INTO authors (name) VALUES (?) RETURNING id, name", author.name)
        guard let row else {
            throw HTTPError(.internalServerError, detail: "The database did not return the new author.")
        }
        return try Author(row: row)
    }

    func find(id: Int) throws -> Author? {
        try database.queryOne("SELECT id, name FROM authors WHERE id = ?", id).map(Author.init)
    }

    /// Every author, by name; authors with the same name by id.
    func all() throws -> [Author] {
        try database.query("SELECT id, name FROM authors ORDER BY name, id").map(Author.init)
    }

    /// Deletes the author; false when there was none. Throws the database's foreign key error when
    /// books still point to this author (if the books table says ON DELETE RESTRICT).
    func delete(id: Int) throws -> Bool {
        try database.execute("DELETE FROM authors WHERE id = ?", id).changes > 0
    }
}

extension Author {
    init(row: Row) throws {
        self.init(id: try row.int("id"), name: try row.string("name"))
    }
}
