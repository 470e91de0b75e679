import BackendKit
import GraderKit

/// Helpers shared by the Bookshelf's hidden tests.
enum Bookshelf {
    /// A valid book, with an ISBN made unique by `n`.
    static func book(_ n: Int, title: String = "Laskar Pelangi", author: String = "Andrea Hirata", year: Int? = 2005, copies: Int? = nil) -> JSONValue {
        var fields: [String: JSONValue] = [
            "title": .string(title), "author": .string(author), "isbn": .string(isbn(n)),
        ]
        if let year { fields["year"] = .number(Double(year)) }
        if let copies { fields["copies"] = .number(Double(copies)) }
        return .object(fields)
    }

    /// A 13-digit ISBN-like string, different for every `n`.
    static func isbn(_ n: Int) -> String {
        let digits = String(n)
        return "978" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}

extension JSONValue {
    /// A copy with one member changed (or removed with `nil`).
    func with(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
