import Foundation
import Testing

@testable import BackendKit

struct DatabaseConcurrencyTests {
    struct CountMismatch: Error {
        let expected: Int
        let found: Int
    }

    @Test func readThenWriteInTransactions_fromTwentyThreads_losesNoUpdate() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
            try db.execute("INSERT INTO counters (id, value) VALUES (1, 0)")
            let errors = SQLiteFixtures.runOnThreads(20) { _ in
                for _ in 0..<5 {
                    try db.transaction { tx in
                        let current =
                            try tx.queryOne("SELECT value FROM counters WHERE id = 1")?.int("value") ?? -1
                        usleep(200)  // widen the gap between read and write
                        try tx.execute("UPDATE counters SET value = ? WHERE id = 1", current + 1)
                    }
                }
            }
            #expect(errors.isEmpty, "\(errors)")
            #expect(try db.queryOne("SELECT value FROM counters WHERE id = 1")?.int("value") == 100)
        }
    }

    @Test func oneDatabaseValue_servesManyThreadsWithinItsConnectionLimit() throws {
        try withTestDatabase(maxConnections: 3) { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            let errors = SQLiteFixtures.runOnThreads(16) { thread in
                for index in 0..<25 {
                    try db.execute(
                        "INSERT INTO books (title, year) VALUES (?, ?)", "t\(thread)-\(index)", thread)
                    let mine = try db.query("SELECT id FROM books WHERE year = ?", thread)
                    guard mine.count == index + 1 else {
                        throw CountMismatch(expected: index + 1, found: mine.count)
                    }
                }
            }
            #expect(errors.isEmpty, "\(errors)")
            #expect(try db.queryOne("SELECT COUNT(*) AS n FROM books")?.int("n") == 400)
            #expect(db.pool.openConnectionCount <= 3)
            #expect(db.pool.openConnectionCount >= 1)
        }
    }

    @Test func allConnectionsBusy_timesOutWithAClearError() throws {
        let folder = try SQLiteTestFolder()
        let db = try Database(
            path: folder.file("t.sqlite"), readOnly: false, maxConnections: 1, checkoutTimeout: 0.3)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holder = Thread {
            _ = try? db.transaction { _ in
                holding.signal()
                release.wait()
            }
        }
        holder.start()
        holding.wait()
        let error = #expect(throws: DatabaseError.self) { try db.query("SELECT 1") }
        release.signal()
        #expect(error?.isBusy == true)
        #expect(
            error?.description == """
                waited 0.3 s for a free database connection, but all 1 stayed busy. Keep transactions short, and inside db.transaction { tx in ... } use tx, not db
                  SQL: SELECT 1
                """)
        // The connection comes back once the holder is done.
        #expect(try db.queryOne("SELECT 1 AS one")?.int("one") == 1)
    }

    @Test func readersSeeCommittedDataWhileAWriterHoldsTheLock() throws {
        try withTestDatabase(maxConnections: 2) { db, _ throws in
            try db.executeScript(SQLiteFixtures.booksSchema)
            try db.execute("INSERT INTO books (title) VALUES ('before')")
            let inside = DispatchSemaphore(value: 0)
            let finish = DispatchSemaphore(value: 0)
            let writer = Thread {
                _ = try? db.transaction { tx in
                    try tx.execute("INSERT INTO books (title) VALUES ('uncommitted')")
                    inside.signal()
                    finish.wait()
                }
            }
            writer.start()
            inside.wait()
            let seen = try db.query("SELECT title FROM books").map { try $0.string("title") }
            finish.signal()
            #expect(seen == ["before"])
        }
    }
}
