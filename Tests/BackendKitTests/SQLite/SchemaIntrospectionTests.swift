import Testing

@testable import BackendKit

struct SchemaIntrospectionTests {
    private let schema = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE books (
            id INTEGER PRIMARY KEY,
            author_id INTEGER NOT NULL REFERENCES authors ON DELETE CASCADE,
            isbn TEXT UNIQUE,
            status TEXT NOT NULL DEFAULT 'draft',
            year INTEGER
        );
        CREATE INDEX books_year ON books (year);
        CREATE INDEX books_recent ON books (year, isbn) WHERE year > 2000;
        """

    @Test func tableNames_listOnlyUserTables() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            // AUTOINCREMENT makes SQLite add its own table, sqlite_sequence, which is left out.
            try db.execute("CREATE TABLE counters (n INTEGER PRIMARY KEY AUTOINCREMENT)")
            #expect(try db.tableNames() == ["authors", "books", "counters"])
        }
    }

    @Test func columns_describeTypesConstraintsAndDefaults() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            #expect(
                try db.columns(of: "books") == [
                    ColumnInfo(
                        name: "id", type: "INTEGER", notNull: false, primaryKey: true, defaultValue: nil),
                    ColumnInfo(
                        name: "author_id", type: "INTEGER", notNull: true, primaryKey: false,
                        defaultValue: nil),
                    ColumnInfo(
                        name: "isbn", type: "TEXT", notNull: false, primaryKey: false, defaultValue: nil),
                    ColumnInfo(
                        name: "status", type: "TEXT", notNull: true, primaryKey: false,
                        defaultValue: "'draft'"),
                    ColumnInfo(
                        name: "year", type: "INTEGER", notNull: false, primaryKey: false, defaultValue: nil),
                ])
        }
    }

    @Test func unknownTable_listsTheTablesThatExist() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            let error = #expect(throws: DatabaseError.self) { try db.columns(of: "bokos") }
            #expect(error?.description == "no table \"bokos\" in this database; tables are: authors, books")
            #expect(throws: DatabaseError.self) { try db.indexes(of: "bokos") }
            #expect(throws: DatabaseError.self) { try db.foreignKeys(of: "bokos") }
        }
    }

    @Test func indexes_includeUniqueConstraintsAndPartialIndexes() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            let indexes = try db.indexes(of: "books")
            #expect(indexes.map(\.name) == ["books_recent", "books_year", "sqlite_autoindex_books_1"])
            #expect(
                indexes[0]
                    == IndexInfo(
                        name: "books_recent", columns: ["year", "isbn"], isUnique: false, isPartial: true,
                        origin: .createIndex))
            #expect(
                indexes[1]
                    == IndexInfo(
                        name: "books_year", columns: ["year"], isUnique: false, isPartial: false,
                        origin: .createIndex))
            #expect(
                indexes[2].columns == ["isbn"] && indexes[2].isUnique
                    && indexes[2].origin == .uniqueConstraint)
        }
    }

    @Test func foreignKeys_resolveTheImplicitPrimaryKey() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            #expect(
                try db.foreignKeys(of: "books") == [
                    ForeignKeyInfo(
                        columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"],
                        onUpdate: "NO ACTION", onDelete: "CASCADE")
                ])
            #expect(try db.foreignKeys(of: "authors") == [])
        }
    }

    @Test func explainQueryPlan_showsWhetherAnIndexIsUsed() throws {
        try withTestDatabase { db, _ throws in
            try db.executeScript(schema)
            let indexed = try db.explainQueryPlan("SELECT * FROM books WHERE year = ?", 1965)
            #expect(indexed == ["SEARCH books USING INDEX books_year (year=?)"])
            let scan = try db.explainQueryPlan("SELECT * FROM books WHERE status = ?", "draft")
            #expect(scan == ["SCAN books"])
        }
    }
}
