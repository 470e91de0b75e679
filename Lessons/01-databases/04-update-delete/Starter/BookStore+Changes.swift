import BackendKit

/// PATCH and DELETE: changing and removing books that exist.
extension BookStore {
    /// Changes only the fields the client sent, and returns the changed book; nil when there is no
    /// book with this id.
    func update(id: Int, with patch: BookPatch) throws -> Book? {
        // TODO(learner): build UPDATE books SET … WHERE id = ? with one "column = ?" (and its value) for
        //   each field that was sent, and only those, plus "updated_at = \(Schema.now)". When nothing
        //   was sent, return the book as it is. Use the result's `changes` to return nil when no book
        //   has this id.
        throw HTTPError(.notImplemented, detail: "TODO: update the book (BookStore+Changes.swift).")
    }

    /// Deletes the book; false when there was no book with this id.
    func delete(id: Int) throws -> Bool {
        // TODO(learner): return false when no row was deleted. The result of `execute` says how many rows
        //   the statement changed.
        try database.execute("DELETE FROM books WHERE id = ?", id)
        return true
    }
}
