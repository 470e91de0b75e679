import BackendKit

/// What a `PATCH /books/:id` asks to change. Each property is a *double optional*, because a PATCH
/// has three cases for every field:
///
/// | JSON sent               | Property           | Meaning                                  |
/// | ----------------------- | ------------------ | ---------------------------------------- |
/// | no `"year"` member      | `nil`              | leave the column as it is                |
/// | `"year": null`          | `.some(nil)`       | set the column to NULL                   |
/// | `"year": 2005`          | `.some(2005)`      | set the column to 2005                   |
///
/// `if let year = patch.year { … }` runs only when the field was sent; inside, `year` is an `Int?`
/// that you can bind as it is (nil is stored as NULL, and the table's rules decide if that is allowed).
struct BookPatch {
    var title: String??
    var author: String??
    var isbn: String??
    var year: Int??
    var copies: Int??

    /// The fields a PATCH may contain. `id`, `created_at` and `updated_at` belong to the server.
    static let fields = ["title", "author", "isbn", "year", "copies"]

    /// Reads a JSON object such as `{"title": "Edensor", "year": null}`. Throws 422, naming every
    /// problem, for a field that is unknown or has the wrong type.
    init(json: JSONValue) throws {
        guard let members = json.object else {
            throw HTTPError(.unprocessableContent, detail: "Send a JSON object with the fields to change.")
        }
        var errors: [(field: String, message: String)] = []
        for name in members.keys.sorted() where !Self.fields.contains(name) {
            errors.append((name, "cannot be changed; the fields are \(Self.fields.joined(separator: ", "))"))
        }
        title = Self.text(members["title"], "title", &errors)
        author = Self.text(members["author"], "author", &errors)
        isbn = Self.text(members["isbn"], "isbn", &errors)
        year = Self.number(members["year"], "year", &errors)
        copies = Self.number(members["copies"], "copies", &errors)
        if !errors.isEmpty {
            throw HTTPError.validation(errors, detail: "The changes cannot be applied.")
        }
    }

    private static func text(
        _ value: JSONValue?, _ field: String, _ errors: inout [(field: String, message: String)]
    ) -> String?? {
        switch value {
        case nil: return nil
        case .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default:
            errors.append((field, "must be text or null"))
            return nil
        }
    }

    private static func number(
        _ value: JSONValue?, _ field: String, _ errors: inout [(field: String, message: String)]
    ) -> Int?? {
        switch value {
        case nil: return nil
        case .null?: return .some(nil)
        case let number? where number.int != nil: return .some(number.int)
        default:
            errors.append((field, "must be a whole number or null"))
            return nil
        }
    }
}
