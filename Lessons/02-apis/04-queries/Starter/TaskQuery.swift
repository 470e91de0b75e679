import BackendKit
import Foundation

/// What `GET /tasks` asks the store for: filters, a sort order, a page size, and where the page
/// starts. `TaskStore.list(_:)` turns it into SQL with bound parameters.
struct TaskQuery: Sendable, Equatable {
    /// Only tasks with this status; `nil` means every status.
    var status: TaskStatus?
    /// Only tasks of this username; `nil` means everybody's (and unassigned) tasks.
    var assignee: String?
    var sort = TaskSort.default
    /// How many tasks one page holds.
    var limit = 20
    /// Start right after this position; `nil` for the first page.
    var cursor: TaskCursor?
}

/// A sort order: one of the allowed fields, A→Z or Z→A.
///
/// The allowed fields are the cases of `Field`: a name that is not a case cannot become a
/// `TaskSort`, so a client can never put its own text into the SQL of `ORDER BY`.
struct TaskSort: Sendable, Equatable {
    enum Field: String, CaseIterable, Sendable {
        case id, title, due
    }

    var field: Field
    var descending: Bool

    static let `default` = TaskSort(field: .id, descending: false)

    init(field: Field, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// Reads the `?sort=` form: `title` is A→Z, `-title` (a minus first) is Z→A. `nil` for any
    /// field that is not allowed.
    init?(parameter: String) {
        let descending = parameter.hasPrefix("-")
        guard let field = Field(rawValue: descending ? String(parameter.dropFirst()) : parameter) else {
            return nil
        }
        self.init(field: field, descending: descending)
    }

    /// The `?sort=` form of this order: `title` or `-title`.
    var parameter: String { (descending ? "-" : "") + field.rawValue }
}

/// Where a page ended: the sort key and id of its last task. The next page starts right after it,
/// so a task added or deleted meanwhile never makes a page skip or repeat a task.
///
/// Clients see it only as an opaque `token` in the next link and send it back unchanged.
struct TaskCursor: Sendable, Equatable {
    /// The order the page was sorted in; the cursor means nothing in another order.
    var sort: TaskSort
    /// The last task's value of the sort field (its title, or its due date); empty when sorting by id.
    var key: String
    var id: Int

    private struct Payload: Codable {
        var sort: String
        var key: String
        var id: Int
    }

    init(sort: TaskSort, key: String, id: Int) {
        self.sort = sort
        self.key = key
        self.id = id
    }

    /// The token for `?cursor=`: URL-safe text that only this server knows how to read.
    var token: String {
        let payload = Payload(sort: sort.parameter, key: key, id: id)
        return Base64URL.encode(Array((try? JSONCoding.encoder.encode(payload)) ?? Data()))
    }

    /// Reads a token made by `token`; `nil` for anything else (a typo, a changed token).
    init?(token: String) {
        guard let bytes = Base64URL.decodeData(token),
            let payload = try? JSONCoding.decoder.decode(Payload.self, from: bytes),
            let sort = TaskSort(parameter: payload.sort)
        else { return nil }
        self.init(sort: sort, key: payload.key, id: payload.id)
    }
}

/// One page of tasks, and the cursor for the next page (`nil` on the last page).
struct TaskPage: Sendable {
    var items: [TaskItem]
    var next: TaskCursor?
}
