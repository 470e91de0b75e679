import Foundation
import Testing

@testable import BackendKit

struct RowDecodingTests {
    struct Book: Decodable, Equatable {
        let id: Int
        let title: String
        let year: Int?
        let rating: Double
        let available: Bool
        let cover: Data?
        let pages: Int64
    }

    enum Status: String, Decodable {
        case draft, published
    }

    struct Post: Decodable {
        let id: Int32
        let status: Status
        let views: UInt16
    }

    private func withBooks<T>(_ body: (Database) throws -> T) throws -> T {
        try withTestDatabase { db, _ throws in
            try db.execute(
                "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, year INTEGER, rating REAL, available INTEGER, cover BLOB, pages INTEGER)"
            )
            try db.execute("INSERT INTO books VALUES (1, 'Dune', 1965, 4.5, 1, x'0102', 412)")
            try db.execute("INSERT INTO books VALUES (2, 'Emma', NULL, 4, 0, NULL, 300)")
            return try body(db)
        }
    }

    @Test func rows_decodeByColumnName() throws {
        let books = try withBooks { try $0.query(Book.self, "SELECT * FROM books ORDER BY id") }
        #expect(
            books == [
                Book(
                    id: 1, title: "Dune", year: 1965, rating: 4.5, available: true, cover: Data([1, 2]),
                    pages: 412),
                Book(id: 2, title: "Emma", year: nil, rating: 4.0, available: false, cover: nil, pages: 300),
            ])
    }

    @Test func queryOne_decodesFirstRowOrNil() throws {
        try withBooks { db throws in
            #expect(try db.queryOne(Book.self, "SELECT * FROM books WHERE id = ?", 2)?.title == "Emma")
            #expect(try db.queryOne(Book.self, "SELECT * FROM books WHERE id = ?", 3) == nil)
            #expect(try db.queryOne(Int.self, "SELECT COUNT(*) FROM books") == 2)
            #expect(
                try db.query(String.self, "SELECT title FROM books ORDER BY id", parameters: []) == [
                    "Dune", "Emma",
                ])
        }
    }

    @Test func rawValueEnumsAndSmallIntegers_decode() throws {
        try withTestDatabase { db, _ throws in
            try db.execute("CREATE TABLE posts (id INTEGER, status TEXT, views INTEGER)")
            try db.execute("INSERT INTO posts VALUES (7, 'published', 65535)")
            let post = try #require(try db.queryOne(Post.self, "SELECT * FROM posts"))
            #expect(post.id == 7 && post.status == .published && post.views == 65535)
            try db.execute("UPDATE posts SET views = 65536")
            let error = #expect(throws: DatabaseError.self) {
                try db.queryOne(Post.self, "SELECT * FROM posts")
            }
            #expect(
                error?.description.hasPrefix(
                    "column \"views\" holds the INTEGER value 65536 but UInt16 was requested") == true)
        }
    }

    @Test func missingNonOptionalColumn_isColumnNotFound() throws {
        try withBooks { db throws in
            let error = #expect(throws: DatabaseError.self) {
                try db.query(Book.self, "SELECT id, title FROM books")
            }
            #expect(
                error?.description == """
                    no column "rating" in this row; columns are: id, title
                      SQL: SELECT id, title FROM books
                    """)
        }
    }

    @Test func nestedTypesArraysAndDates_areRefusedClearly() throws {
        struct Author: Decodable { let name: String }
        struct WithAuthor: Decodable { let author: Author }
        struct WithTags: Decodable { let tags: [String] }
        struct WithDate: Decodable { let created: Date }
        try withTestDatabase { db, _ throws in
            let nested = #expect(throws: DatabaseError.self) {
                try db.queryOne(WithAuthor.self, "SELECT 'x' AS author")
            }
            #expect(
                nested?.description == """
                    cannot decode column "author" as Author: a row holds only plain values (Int, Int64, Double, String, Bool, Data, their optionals, and enums with such raw values)
                      SQL: SELECT 'x' AS author
                    """)
            let array = #expect(throws: DatabaseError.self) {
                try db.queryOne(WithTags.self, "SELECT 'a' AS tags")
            }
            #expect(array?.description.hasPrefix("cannot decode column \"tags\" as Array<String>") == true)
            let date = #expect(throws: DatabaseError.self) {
                try db.queryOne(WithDate.self, "SELECT 1 AS created")
            }
            #expect(date?.description.contains("; store dates as ISO 8601 TEXT and decode a String") == true)
            let wholeRow = #expect(throws: DatabaseError.self) {
                try db.queryOne(Int.self, "SELECT 1 AS a, 2 AS b")
            }
            #expect(
                wholeRow?.description == """
                    cannot decode a row with the columns a, b as one plain value; select exactly one column, or decode a struct whose property names match the column names
                      SQL: SELECT 1 AS a, 2 AS b
                    """)
        }
    }
}
