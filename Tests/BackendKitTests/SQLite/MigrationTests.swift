import Testing

@testable import BackendKit

struct MigrationTests {
    struct Boom: Error, Equatable {}

    private let firstTwo = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
                CREATE INDEX books_title ON books (title);
                """),
        Migration(version: 2) { tx in
            try tx.execute("ALTER TABLE books ADD COLUMN year INTEGER")
            try tx.execute("INSERT INTO books (title, year) VALUES (?, ?)", "Dune", 1965)
        },
    ]

    @Test func pendingMigrations_runOnceInOrder_andRecordTheVersion() throws {
        try withTestDatabase { db, _ throws in
            #expect(try db.userVersion == 0)
            #expect(try db.migrate(firstTwo) == [1, 2])
            #expect(try db.userVersion == 2)
            #expect(try db.columns(of: "books").map(\.name) == ["id", "title", "year"])

            #expect(try db.migrate(firstTwo) == [])
            #expect(try db.query("SELECT * FROM books").count == 1)

            let third = firstTwo + [Migration(version: 5, sql: "ALTER TABLE books ADD COLUMN isbn TEXT")]
            #expect(try db.migrate(third) == [5])
            #expect(try db.userVersion == 5)
        }
    }

    @Test func migrationState_survivesReopeningTheFile() throws {
        let folder = try SQLiteTestFolder()
        let path = folder.file("data.sqlite")
        try Database(path: path).migrate(firstTwo)
        let reopened = try Database(path: path)
        #expect(try reopened.userVersion == 2)
        #expect(try reopened.migrate(firstTwo) == [])
        #expect(try reopened.query("SELECT * FROM books").count == 1)
    }

    @Test func failingMigration_leavesNoTraceAndKeepsTheVersion() throws {
        try withTestDatabase { db, _ throws in
            try db.migrate(firstTwo)
            let failing =
                firstTwo + [
                    Migration(version: 3) { tx in
                        try tx.execute("CREATE TABLE reviews (id INTEGER PRIMARY KEY)")
                        throw Boom()
                    }
                ]
            #expect(throws: Boom()) { try db.migrate(failing) }
            #expect(try db.userVersion == 2)
            #expect(try db.tableNames() == ["books"])

            let badSQL =
                firstTwo + [
                    Migration(version: 3, sql: "CREATE TABLE reviews (id); INSERT INTO nowhere VALUES (1);")
                ]
            #expect(throws: DatabaseError.self) { try db.migrate(badSQL) }
            #expect(try db.tableNames() == ["books"])
        }
    }

    @Test func unorderedVersions_areRefusedBeforeAnythingRuns() throws {
        try withTestDatabase { db, _ throws in
            let unordered = [firstTwo[1], firstTwo[0]]
            let error = #expect(throws: DatabaseError.self) { try db.migrate(unordered) }
            #expect(
                error?.description
                    == "migration versions must be whole numbers above 0, each larger than the one before (1, 2, 3, ...); got: 2, 1"
            )
            #expect(throws: DatabaseError.self) { try db.migrate([Migration(version: 0, sql: "SELECT 1")]) }
            #expect(throws: DatabaseError.self) { try db.migrate([firstTwo[0], firstTwo[0]]) }
            #expect(try db.tableNames() == [])
            #expect(try db.userVersion == 0)
        }
    }
}
