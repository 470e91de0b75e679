// Given: you do not need to change this file (you wrote it in exercise 3; sorting is gone, see the README).
import BackendKit

/// GET /books: turns the filters a client asked for into SQL conditions.
///
/// The SQL text is built only from pieces written here, in the code. Values from the client travel
/// as bound parameters.
extension BookStore {
    /// One SQL condition with a `?` for each filter that was given, and the values for those `?`s,
    /// in the same order. `page` joins the conditions with AND.
    static func conditions(for filter: BookFilter) -> (conditions: [String], values: [any SQLBindable]) {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let author = filter.author {
            conditions.append("authors.name = ?")
            values.append(author)
        }
        if let yearFrom = filter.yearFrom {
            conditions.append("books.year >= ?")
            values.append(yearFrom)
        }
        if let yearTo = filter.yearTo {
            conditions.append("books.year <= ?")
            values.append(yearTo)
        }
        if let text = filter.titleContains {
            // LIKE ignores the case of A–Z, and reads % and _ as wildcards. Escaping them with \
            // makes "100%" look for a real percent sign.
            conditions.append("books.title LIKE ? ESCAPE '\\'")
            values.append("%" + escapedForLike(text) + "%")
        }
        return (conditions, values)
    }
}

/// `text` with LIKE's special characters (`%`, `_` and the escape character `\` itself) escaped.
private func escapedForLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
        if character == "%" || character == "_" || character == "\\" {
            escaped.append("\\")
        }
        escaped.append(character)
    }
    return escaped
}
