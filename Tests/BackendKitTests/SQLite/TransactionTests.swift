import Foundation
import Testing

@testable import BackendKit

struct TransactionTests {
    struct Refused: Error, Equatable {}

    @Test func returningBody_commitsAndReturnsItsValue() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let id = try db.transaction { tx -> Int in
                let id = try tx.execute("INSERT INTO books (title) VALUES (?)", "Dune").lastInsertedRowID
                try tx.execute("UPDATE books SET year = ? WHERE id = ?", 1965, id)
                #expect(try tx.queryOne("SELECT year FROM books WHERE id = ?", id)?.int("year") == 1965)
                return id
            }
            #expect(try db.queryOne("SELECT year FROM books WHERE id = ?", id)?.int("year") == 1965)
        }
    }

    @Test func throwingBody_rollsBackEverythingAndRethrowsTheSameError() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            try db.execute("INSERT INTO books (title) VALUES ('Kept')")
            #expect(throws: Refused()) {
                try db.transaction { tx in
                    try tx.execute("INSERT INTO books (title) VALUES ('Lost')")
                    try tx.execute("DELETE FROM books WHERE title = 'Kept'")
                    throw Refused()
                }
            }
            #expect(try db.query("SELECT title FROM books").map { try $0.string("title") } == ["Kept"])
        }
    }

    @Test func failingStatement_rollsBackEarlierStatements() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE users (email TEXT UNIQUE)")
            try db.execute("INSERT INTO users VALUES ('a@x.id')")
            let error = #expect(throws: DatabaseError.self) {
                try db.transaction { tx in
                    try tx.execute("INSERT INTO users VALUES ('b@x.id')")
                    try tx.execute("INSERT INTO users VALUES ('a@x.id')")
                }
            }
            #expect(error?.isUniqueConstraintViolation == true)
            #expect(try db.query("SELECT email FROM users").count == 1)
        }
    }

    @Test func savepoint_undoesOnlyItsOwnChanges() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            try db.transaction { tx in
                try tx.execute("INSERT INTO books (title) VALUES ('outer')")
                #expect(throws: Refused()) {
                    try tx.savepoint { sp in
                        try sp.execute("INSERT INTO books (title) VALUES ('inner')")
                        throw Refused()
                    }
                }
                try tx.savepoint { sp in
                    try sp.execute("INSERT INTO books (title) VALUES ('second')")
                }
            }
            #expect(
                try db.query("SELECT title FROM books ORDER BY id").map { try $0.string("title") } == [
                    "outer", "second",
                ])
        }
    }

    @Test func usingDatabaseInsideItsTransaction_isRefused() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let error = #expect(throws: DatabaseError.self) {
                try db.transaction { _ in try db.query("SELECT * FROM books") }
            }
            #expect(
                error?.description == """
                    the database was used directly inside its own transaction; inside db.transaction { tx in ... } run every statement on tx, so it sees the transaction's changes (use tx.savepoint { ... } to nest)
                      SQL: SELECT * FROM books
                    """)
            #expect(throws: DatabaseError.self) { try db.transaction { _ in try db.transaction { _ in } } }
            // Once the transaction is over the database is usable again.
            #expect(try db.query("SELECT * FROM books").isEmpty)
        }
    }

    @Test func transactionUsedAfterItsClosure_isRefused() throws {
        try withTestDatabase { db, _ throws in
            let escaped = try db.transaction { tx in tx }
            let error = #expect(throws: DatabaseError.self) { try escaped.query("SELECT 1") }
            #expect(
                error?.description == """
                    this transaction has already ended; use tx only inside the closure given to db.transaction { tx in ... }
                      SQL: SELECT 1
                    """)
        }
    }

    @Test func handWrittenBegin_isRolledBackAndRefused() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let error = #expect(throws: DatabaseError.self) { try db.execute("BEGIN") }
            #expect(
                error?.description == """
                    BEGIN, COMMIT and ROLLBACK are done for you; use db.transaction { tx in ... } (and tx.savepoint { ... } to nest) instead of writing them yourself
                      SQL: BEGIN
                    """)
            #expect(throws: DatabaseError.self) {
                try db.transaction { tx in
                    try tx.execute("INSERT INTO books (title) VALUES ('x')")
                    try tx.execute("COMMIT")
                }
            }
            // Nothing is left open: a write from another connection goes through at once.
            try db.execute("INSERT INTO books (title) VALUES ('after')")
        }
    }
}
