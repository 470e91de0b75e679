import Testing

@testable import BackendKit

struct StatementSafetyTests {
    @Test func twoStatementsInExecute_areRefusedBeforeRunningEither() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let sql = "INSERT INTO books (title) VALUES ('a'); DROP TABLE books"
            let error = #expect(throws: DatabaseError.self) { try db.execute(sql) }
            #expect(
                error?.description == """
                    this SQL holds more than one statement; run one statement per call \
                    (executeScript runs a schema of several statements without parameters)
                      SQL: INSERT INTO books (title) VALUES ('a'); DROP TABLE books
                    """)
            #expect(try db.tableNames() == ["books"])
            #expect(try db.query("SELECT * FROM books").isEmpty)
        }
    }

    @Test func twoStatementsInQuery_areRefused() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            #expect(throws: DatabaseError.self) { try db.query("SELECT 1; SELECT 2") }
            #expect(throws: DatabaseError.self) { try db.queryOne("SELECT 1; garbage here") }
        }
    }

    @Test func trailingSemicolonAndComments_areAccepted() throws {
        try withTestDatabase { db, _ throws in
            #expect(try db.queryOne("SELECT 1 AS one; -- the answer\n /* done */ ;")?.int("one") == 1)
        }
    }

    @Test func emptySQL_isRefusedWithClearMessage() throws {
        try withTestDatabase { db, _ throws in
            let error = #expect(throws: DatabaseError.self) { try db.execute("  -- nothing\n") }
            #expect(
                error?.description == """
                    the SQL string holds no statement (it is empty or only comments)
                      SQL: -- nothing
                    """)
        }
    }

    @Test func tooFewParameters_nameBothCountsAndTheSQL() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let error = #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO books (title, year) VALUES (?, ?)", "Dune")
            }
            #expect(
                error?.description == """
                    this SQL has 2 placeholders (?) but 1 value was given; pass exactly one value per placeholder
                      SQL: INSERT INTO books (title, year) VALUES (?, ?)
                    """)
        }
    }

    @Test func tooManyParameters_areRefused() throws {
        try withTestDatabase { db, _ throws in
            let error = #expect(throws: DatabaseError.self) { try db.query("SELECT ?", 1, 2, 3) }
            guard case .parameterCount(let expected, let given, let sql) = error else {
                Issue.record("expected parameterCount, got \(String(describing: error))")
                return
            }
            #expect((expected, given, sql) == (1, 3, "SELECT ?"))
        }
    }

    @Test func syntaxError_showsSQLiteMessageSQLAndHint() throws {
        try withTestDatabase { db, _ throws in
            let error = #expect(throws: DatabaseError.self) { try db.query("SELECT title FORM books") }
            #expect(
                error?.description == """
                    SQLite error: near "books": syntax error (SQLITE_ERROR)
                      SQL: SELECT title FORM books
                      Hint: look just before the quoted word: a missing comma, quote or parenthesis is the usual cause
                    """)
        }
    }

    @Test func missingTable_hintsAtSchema() throws {
        try withTestDatabase { db, _ throws in
            let error = #expect(throws: DatabaseError.self) { try db.query("SELECT *\n  FROM bookz") }
            #expect(
                error?.description == """
                    SQLite error: no such table: bookz (SQLITE_ERROR)
                      SQL: SELECT * FROM bookz
                      Hint: has the table been created? Run your schema or migrations before this statement
                    """)
        }
    }

    @Test func executeScript_runsEveryStatementAndNamesTheFailingOne() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(
                """
                CREATE TABLE a (x);  -- first
                CREATE TABLE b (y);
                INSERT INTO a VALUES (1);
                """)
            #expect(try db.tableNames() == ["a", "b"])
            let error = #expect(throws: DatabaseError.self) {
                try db.executeScript(
                    "INSERT INTO a VALUES (2); INSERT INTO nope VALUES (3); INSERT INTO a VALUES (4);")
            }
            guard case .sqlite(_, _, let message, let sql) = error else {
                Issue.record("expected an SQLite error, got \(String(describing: error))")
                return
            }
            #expect(message == "no such table: nope")
            #expect(sql == "INSERT INTO nope VALUES (3); INSERT INTO a VALUES (4);")
            #expect(try db.query("SELECT x FROM a ORDER BY x").map { try $0.int("x") } == [1, 2])
        }
    }
}
