import BackendKit

/// PATCH and DELETE: changing and removing books that exist.
///
/// Neither function first asks "does the book exist?" with a SELECT. The write itself answers that:
/// `changes` is the number of rows the statement touched, so 0 means "no book with this id". One
/// statement instead of two is faster, and nothing can happen between a check and the write.
extension BookStore {
    /// Changes only the fields the client sent, and returns the changed book; nil when there is no
    /// book with this id.
    func update(id: Int, with patch: BookPatch) throws -> Book? {
        var assignments: [String] = []
        var values: [any SQLBindable] = []
        if let title = patch.title {
            assignments.append("title = ?")
            values.append(title)
        }
        if let author = patch.author {
            assignments.append("author = ?")
            values.append(author)
        }
        if let isbn = patch.isbn {
            assignments.append("isbn = ?")
            values.append(isbn)
        }
        if let year = patch.year {
            assignments.append("year = ?")
            values.append(year)  // nil here means "sent as null": the year becomes NULL
        }
        if let copies = patch.copies {
            assignments.append("copies = ?")
            values.append(copies)
        }
        guard !assignments.isEmpty else {
            return try find(id: id)  // nothing to change
        }
        assignments.append("updated_at = datetime('now')")
        values.append(id)
        let result = try database.execute(
            "UPDATE books SET \(assignments.joined(separator: ", ")) WHERE id = ?", parameters: values)
        guard result.changes > 0 else {
            return nil
        }
        return try find(id: id)
    }

    /// Deletes the book; false when there was no book with this id.
    func delete(id: Int) throws -> Bool {
        try database.execute("DELETE FROM books WHERE id = ?", id).changes > 0
    }
}
