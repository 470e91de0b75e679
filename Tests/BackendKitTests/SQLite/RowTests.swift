import Testing

@testable import BackendKit

struct RowTests {
    private func bookRow(year: SQLValue = .null) throws -> Row {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, year)")
            try db.execute("INSERT INTO books (title, year) VALUES (?, ?)", "Dune", year)
            return try #require(try db.queryOne("SELECT id, title, year FROM books"))
        }
    }

    @Test func misspeltColumn_listsTheRowsColumns() throws {
        let row = try bookRow()
        let error = #expect(throws: DatabaseError.self) { try row.string("titel") }
        #expect(
            error?.description == """
                no column "titel" in this row; columns are: id, title, year
                  SQL: SELECT id, title, year FROM books
                """)
    }

    @Test func nullForNonOptional_suggestsAnOptional() throws {
        let row = try bookRow()
        let error = #expect(throws: DatabaseError.self) { try row.int("year") }
        #expect(
            error?.description == """
                column "year" is NULL but Int was requested; ask for Int? if it can be empty
                  SQL: SELECT id, title, year FROM books
                """)
        #expect(try row.get("year", as: Int?.self) == nil)
    }

    @Test func textForInt_isATypeMismatchNamingBoth() throws {
        let row = try bookRow(year: "1965")
        let error = #expect(throws: DatabaseError.self) { try row.int("year") }
        #expect(
            error?.description == """
                column "year" holds the TEXT value "1965" but Int was requested; ask for String, or store Int values in this column
                  SQL: SELECT id, title, year FROM books
                """)
        let optional = #expect(throws: DatabaseError.self) { try row.get("year", as: Int?.self) }
        #expect(
            optional?.description.hasPrefix(
                "column \"year\" holds the TEXT value \"1965\" but Int? was requested") == true)
    }

    @Test func conversions_acceptOnlySafeWidening() throws {
        #expect(Int.fromSQL(.real(3.0)) == 3)
        #expect(Int.fromSQL(.real(3.5)) == nil)
        #expect(Double.fromSQL(.integer(2)) == 2.0)
        #expect(Int32.fromSQL(.integer(Int64(Int32.max) + 1)) == nil)
        #expect(Bool.fromSQL(.integer(2)) == nil)
        #expect(String.fromSQL(.integer(1)) == nil)
        #expect(Int?.fromSQL(.null) == .some(nil))
        #expect(Int?.fromSQL(.text("x")) == nil)
    }

    @Test func columnNames_matchCaseInsensitivelyLikeSQLite() throws {
        let row = try bookRow(year: 1965)
        #expect(try row.int("YEAR") == 1965)
        #expect(try row.get(0, as: Int.self) == 1)
        #expect(row.description == "id: 1, title: \"Dune\", year: 1965")
    }
}
