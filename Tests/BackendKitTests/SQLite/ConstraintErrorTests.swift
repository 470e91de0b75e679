import Testing

@testable import BackendKit

struct ConstraintErrorTests {
    private let schema = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
        CREATE TABLE books (
            id INTEGER PRIMARY KEY,
            author_id INTEGER NOT NULL REFERENCES authors (id),
            pages INTEGER CHECK (pages > 0)
        );
        """

    @Test func duplicateUniqueValue_isUniqueViolation_withHintInText() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            try db.execute("INSERT INTO authors (email) VALUES (?)", "a@b.id")
            let error = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO authors (email) VALUES (?)", "a@b.id")
            }
            #expect(error?.isUniqueConstraintViolation == true)
            #expect(error?.isForeignKeyViolation == false)
            #expect(error?.isBusy == false)
            #expect(
                error?.description == """
                    SQLite error: UNIQUE constraint failed: authors.email (SQLITE_CONSTRAINT_UNIQUE)
                      SQL: INSERT INTO authors (email) VALUES (?)
                      Hint: a row with this value already exists. Catch it with error.isUniqueConstraintViolation and answer 409 Conflict
                    """)
            guard case .sqlite(let code, let extendedCode, _, _) = error else {
                Issue.record("expected an SQLite error")
                return
            }
            #expect((code, extendedCode) == (19, 2067))
        }
    }

    @Test func duplicatePrimaryKey_isUniqueViolation() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE tags (name TEXT PRIMARY KEY)")
            try db.execute("INSERT INTO tags VALUES ('sf')")
            let error = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO tags VALUES ('sf')")
            }
            #expect(error?.isUniqueConstraintViolation == true)
        }
    }

    @Test func foreignKeys_areEnforced() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            let missing = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO books (author_id, pages) VALUES (?, ?)", 99, 10)
            }
            #expect(missing?.isForeignKeyViolation == true)
            let author = try db.execute("INSERT INTO authors (email) VALUES ('x@y.id')").lastInsertedRowID
            try db.execute("INSERT INTO books (author_id, pages) VALUES (?, ?)", author, 10)
            let stillReferenced = #expect(throws: DatabaseError.self) {
                try db.execute("DELETE FROM authors WHERE id = ?", author)
            }
            #expect(stillReferenced?.isForeignKeyViolation == true)
            #expect(
                stillReferenced?.description.hasPrefix(
                    "SQLite error: FOREIGN KEY constraint failed (SQLITE_CONSTRAINT_FOREIGNKEY)") == true)
        }
    }

    @Test func deleteRefusedByOnDeleteRestrict_isAForeignKeyViolation() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(
                """
                CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE RESTRICT);
                INSERT INTO authors (id, name) VALUES (1, 'Andrea Hirata');
                INSERT INTO books (author_id) VALUES (1);
                """)
            let refused = #expect(throws: DatabaseError.self) {
                try db.execute("DELETE FROM authors WHERE id = ?", 1)
            }
            #expect(refused?.sqliteExtendedCode == 1811)
            #expect(refused?.isForeignKeyViolation == true)
            #expect(try db.queryOne(Int.self, "SELECT COUNT(*) FROM authors") == 1)
        }
    }

    @Test func notNullAndCheckViolations_areRecognised() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            let noEmail = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO authors (email) VALUES (?)", nil as String?)
            }
            #expect(noEmail?.isNotNullViolation == true)
            let author = try db.execute("INSERT INTO authors (email) VALUES ('x@y.id')").lastInsertedRowID
            let badPages = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO books (author_id, pages) VALUES (?, ?)", author, 0)
            }
            #expect(badPages?.isCheckConstraintViolation == true)
            #expect(badPages?.isNotNullViolation == false)
        }
    }
}
