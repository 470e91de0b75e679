import Foundation
import Testing

@testable import BackendKit

struct DatabaseCRUDTests {
    @Test func insertedValuesOfEveryType_readBackUnchanged() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let cover = Data([0x00, 0xFF, 0x10])
            let result = try db.execute(
                "INSERT INTO books (title, year, rating, available, cover) VALUES (?, ?, ?, ?, ?)",
                "Dune", 1965, 4.5, true, cover)
            #expect(result == ExecutionResult(changes: 1, lastInsertedRowID: 1))

            let row = try #require(try db.queryOne("SELECT * FROM books WHERE id = ?", 1))
            #expect(row.columns == ["id", "title", "year", "rating", "available", "cover"])
            #expect(try row.int("id") == 1)
            #expect(try row.string("title") == "Dune")
            #expect(try row.get("year", as: Int64.self) == 1965)
            #expect(try row.get("year", as: Int32.self) == 1965)
            #expect(try row.double("rating") == 4.5)
            #expect(try row.bool("available") == true)
            #expect(try row.data("cover") == cover)
            #expect(try row.get("cover", as: [UInt8].self) == [0x00, 0xFF, 0x10])
            #expect(row["title"] == .text("Dune"))
            #expect(row[1] == .text("Dune"))
            #expect(row[9] == nil)
        }
    }

    @Test func nilOptionals_areStoredAsNull_andReadAsNil() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let year: Int? = nil
            let cover: Data? = nil
            try db.execute("INSERT INTO books (title, year, cover) VALUES (?, ?, ?)", "Emma", year, cover)
            let row = try #require(try db.queryOne("SELECT year, rating, cover FROM books"))
            #expect(row.values == [.null, .null, .null])
            #expect(try row.get("year", as: Int?.self) == nil)
            #expect(try row.get("cover", as: Data?.self) == nil)
        }
    }

    @Test func emptyStringAndEmptyBlob_areNotNull() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE t (s TEXT, b BLOB)")
            try db.execute("INSERT INTO t VALUES (?, ?)", "", Data())
            let row = try #require(try db.queryOne("SELECT s, b, typeof(s) AS ts, typeof(b) AS tb FROM t"))
            #expect(row.values == [.text(""), .blob(Data()), .text("text"), .text("blob")])
        }
    }

    @Test func textWithUnicodeAndNulByte_roundTrips() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE t (s TEXT)")
            let text = "Selamat pagi ☀️ \u{0} after nul"
            try db.execute("INSERT INTO t VALUES (?)", text)
            #expect(try db.queryOne("SELECT s FROM t")?.string("s") == text)
        }
    }

    @Test func extremeNumbers_roundTrip() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE t (i INTEGER, r REAL)")
            try db.execute("INSERT INTO t VALUES (?, ?)", Int64.max, -0.1)
            try db.execute("INSERT INTO t VALUES (?, ?)", Int64.min, Double.greatestFiniteMagnitude)
            let rows = try db.query("SELECT i, r FROM t ORDER BY rowid")
            #expect(
                rows.map(\.values) == [
                    [.integer(.max), .real(-0.1)], [.integer(.min), .real(.greatestFiniteMagnitude)],
                ])
        }
    }

    @Test func sqlValueLiteralsAndSubstring_bindAsExpected() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE t (a, b, c, d, e)")
            let name = "Ada Lovelace".split(separator: " ")[0]
            try db.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?)", 7 as SQLValue, 2.5 as SQLValue, SQLValue.null,
                false as SQLValue, name)
            let row = try #require(try db.queryOne("SELECT * FROM t"))
            #expect(row.values == [.integer(7), .real(2.5), .null, .integer(0), .text("Ada")])
        }
    }

    @Test func injectionAttempt_isStoredLiterally() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let title = "Robert'); DROP TABLE books;--"
            try db.execute("INSERT INTO books (title) VALUES (?)", title)
            try db.execute("INSERT INTO books (title) VALUES (?)", "x' OR '1'='1")

            #expect(try db.tableNames() == ["books"])
            #expect(
                try db.query("SELECT title FROM books ORDER BY id").map { try $0.string("title") } == [
                    title, "x' OR '1'='1",
                ])
            #expect(try db.query("SELECT id FROM books WHERE title = ?", "x' OR '1'='1").count == 1)
            #expect(try db.query("SELECT id FROM books WHERE title = ?", "' OR '1'='1").isEmpty)
        }
    }

    @Test func updateAndDelete_reportChangedRows() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            for title in ["A", "B", "C"] {
                try db.execute("INSERT INTO books (title, year) VALUES (?, ?)", title, 2000)
            }
            let updated = try db.execute("UPDATE books SET year = ? WHERE year = ?", 2001, 2000)
            #expect(updated == ExecutionResult(changes: 3, lastInsertedRowID: 0))
            #expect(try db.execute("UPDATE books SET year = 1 WHERE id = ?", 99).changes == 0)
            #expect(try db.execute("DELETE FROM books WHERE title = ?", "B").changes == 1)
            #expect(try db.execute("CREATE TABLE other (x)").changes == 0)
            #expect(
                try db.query("SELECT title FROM books ORDER BY id").map { try $0.string("title") } == [
                    "A", "C",
                ])
        }
    }

    @Test func arrayParameterOverloads_bindInOrder() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let values: [any SQLBindable] = ["Dune", 1965]
            try db.execute("INSERT INTO books (title, year) VALUES (?, ?)", parameters: values)
            let rows = try db.query("SELECT title FROM books WHERE year = ?", parameters: [1965])
            #expect(rows.count == 1)
            #expect(try db.queryOne("SELECT title FROM books WHERE year = ?", parameters: [1966]) == nil)
        }
    }

    @Test func queryWithNoMatches_returnsEmptyArray() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            #expect(try db.query("SELECT * FROM books").isEmpty)
            #expect(try db.queryOne("SELECT * FROM books") == nil)
        }
    }

    @Test func openedConnection_usesWalForeignKeysAndBusyTimeout() throws {
        try withTestDatabase { db, _ throws in
            #expect(try db.queryOne("PRAGMA journal_mode")?.string("journal_mode") == "wal")
            #expect(try db.queryOne("PRAGMA foreign_keys")?.int("foreign_keys") == 1)
            #expect(try db.queryOne("PRAGMA synchronous")?.int("synchronous") == 1)
            #expect(try db.queryOne("PRAGMA busy_timeout")?.get(0, as: Int.self) == 5000)
        }
    }

    @Test func databasePath_comesFromEnvironmentWithDefault() {
        #expect(Database.path(fromEnvironment: ["DATABASE_PATH": "/tmp/x.sqlite"]) == "/tmp/x.sqlite")
        #expect(Database.path(fromEnvironment: ["DATABASE_PATH": ""]) == "data.sqlite")
        #expect(Database.path(fromEnvironment: [:]) == "data.sqlite")
    }

    @Test func openingInMissingFolder_failsWithPathInMessage() throws {
        let folder = try SQLiteTestFolder()
        let path = folder.file("missing/data.sqlite")
        let error = #expect(throws: DatabaseError.self) { try Database(path: path) }
        #expect(
            error?.description == """
                could not open the database file "\(path)": unable to open database file (SQLITE_CANTOPEN)
                  Hint: does the folder exist, and may this program read and write there?
                """)
    }
}
