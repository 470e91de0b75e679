import Foundation
import Testing

@testable import BackendKit

struct ReadOnlyDatabaseTests {
    @Test func readOnlyDatabase_readsButRefusesWrites() throws {
        try withTestDatabase { db, folder throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            try db.execute("INSERT INTO books (title) VALUES ('Dune')")

            let reader = try Database.openReadOnly(path: folder.file("test.sqlite"))
            #expect(reader.isReadOnly)
            #expect(try reader.query("SELECT title FROM books").map { try $0.string("title") } == ["Dune"])

            let error = #expect(throws: DatabaseError.self) {
                try reader.execute("INSERT INTO books (title) VALUES ('x')")
            }
            #expect(
                error?.description == """
                    SQLite error: attempt to write a readonly database (SQLITE_READONLY)
                      SQL: INSERT INTO books (title) VALUES ('x')
                      Hint: this database was opened read-only, or this program may not write its file
                    """)
            #expect(throws: DatabaseError.self) { try reader.executeScript("CREATE TABLE other (x)") }

            // It sees what the writer commits later.
            try db.execute("INSERT INTO books (title) VALUES ('Emma')")
            #expect(try reader.query("SELECT id FROM books").count == 2)
            // Transactions on a read-only database give a consistent read.
            let count = try reader.transaction { tx in try tx.query("SELECT id FROM books").count }
            #expect(count == 2)
        }
    }

    @Test func readOnlyDatabase_opensAFileWhoseWriterHasClosed() throws {
        let folder = try SQLiteTestFolder()
        let path = folder.file("closed.sqlite")
        do {
            let writer = try Database(path: path)
            try writer.execute("CREATE TABLE t (x)")
            try writer.execute("INSERT INTO t VALUES (1)")
        }
        let reader = try Database.openReadOnly(path: path)
        #expect(try reader.queryOne("SELECT x FROM t")?.int("x") == 1)
    }

    @Test func readOnlyOpenOfMissingFile_failsAndCreatesNothing() throws {
        let folder = try SQLiteTestFolder()
        let path = folder.file("absent.sqlite")
        let error = #expect(throws: DatabaseError.self) { try Database.openReadOnly(path: path) }
        guard case .cannotOpen(let failedPath, _, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(failedPath == path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
