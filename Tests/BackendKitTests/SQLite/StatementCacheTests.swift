import Testing

@testable import BackendKit

struct StatementCacheTests {
    @Test func repeatedSQL_isPreparedOnceAndReused() throws {
        try withTestDatabase(maxConnections: 1) { db, _ throws in
            try db.execute("CREATE TABLE t (x INTEGER)")
            let before = db.statementCacheStatistics
            for value in 1...10 {
                try db.execute("INSERT INTO t (x) VALUES (?)", value)
            }
            let after = db.statementCacheStatistics
            #expect(after.misses - before.misses == 1)
            #expect(after.hits - before.hits == 9)
            #expect(try db.query("SELECT x FROM t ORDER BY x").map { try $0.int("x") } == Array(1...10))
        }
    }

    @Test func reusedStatement_doesNotKeepOldParameters() throws {
        try withTestDatabase(maxConnections: 1) { db, _ throws in
            #expect(try db.queryOne("SELECT ? AS v", "secret")?.value("v") == .text("secret"))
            #expect(try db.queryOne("SELECT ? AS v", 2)?.value("v") == .integer(2))
            // A failed use (wrong count) must not break the next one.
            #expect(throws: DatabaseError.self) { try db.queryOne("SELECT ? AS v") }
            #expect(try db.queryOne("SELECT ? AS v", nil as Int?)?.value("v") == .null)
        }
    }

    @Test func cache_keepsAtMost64Statements() throws {
        try withTestDatabase(maxConnections: 1) { db, _ throws in
            for number in 0..<100 {
                _ = try db.queryOne("SELECT \(number)")
            }
            #expect(db.statementCacheStatistics.cached == 64)
        }
    }

    @Test func cache_evictsTheLeastRecentlyUsed() throws {
        var cache = StatementCache(capacity: 2)
        var compiled: [String] = []
        try withTestDatabase(maxConnections: 1) { db, _ throws in
            try db.pool.withConnection(sql: "") { connection in
                let prepare: (String) throws -> PreparedStatement = { sql in
                    compiled.append(sql)
                    return try PreparedStatement.prepare(sql, on: connection.handle)
                }
                _ = try cache.statement(for: "SELECT 1", prepare: prepare)
                _ = try cache.statement(for: "SELECT 2", prepare: prepare)
                _ = try cache.statement(for: "SELECT 1", prepare: prepare)  // 1 is now the most recent
                _ = try cache.statement(for: "SELECT 3", prepare: prepare)  // evicts 2
                _ = try cache.statement(for: "SELECT 1", prepare: prepare)
                _ = try cache.statement(for: "SELECT 2", prepare: prepare)
                cache.removeAll()  // finalize before the connection closes
            }
        }
        #expect(compiled == ["SELECT 1", "SELECT 2", "SELECT 3", "SELECT 2"])
        #expect(cache.hits == 2 && cache.misses == 4)
    }
}
