import BackendKit

/// Reads the query parameters of `GET /tasks` and builds the link to the next page.
///
/// | Parameter | Meaning | When it is wrong |
/// | --- | --- | --- |
/// | `status` | only tasks with this status (`todo`, `doing`, `done`) | 400 |
/// | `assignee` | only tasks of this username (`Formats.isUsername`) | 400 |
/// | `sort` | `id`, `title` or `due`; a `-` first means Z→A (`-due`); default `id` | 400 |
/// | `limit` | how many tasks per page: a whole number from 1 to 100; default 20 | 400 |
/// | `cursor` | where the page starts: the token from the last page's `next` link | 400 |
enum ListQuery {
    static let defaultLimit = 20
    static let maxLimit = 100

    /// The `TaskQuery` the client asked for; throws 400 Bad Request naming the first bad parameter.
    /// A wrong value is refused, never ignored: `?status=dnoe` answering every task would hide the
    /// client's typo.
    static func parse(_ parameters: QueryParameters) throws -> TaskQuery {
        var query = TaskQuery()
        if let status = parameters["status"] {
            guard let known = TaskStatus(rawValue: status) else {
                let allowed = TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError.badRequest(
                    "The parameter \"status\" must be one of \(allowed), not \"\(status)\".")
            }
            query.status = known
        }
        if let assignee = parameters["assignee"] {
            guard Formats.isUsername(assignee) else {
                throw HTTPError.badRequest(
                    "The parameter \"assignee\" must be a username, such as dewi, not \"\(assignee)\".")
            }
            query.assignee = assignee
        }
        if let sort = parameters["sort"] {
            guard let known = TaskSort(parameter: sort) else {
                let allowed = TaskSort.Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError.badRequest(
                    "The parameter \"sort\" must be one of \(allowed), with a \"-\" first for Z to A; \"\(sort)\" is not allowed."
                )
            }
            query.sort = known
        }
        let limit = try parameters.int("limit") ?? defaultLimit
        guard (1...maxLimit).contains(limit) else {
            throw HTTPError.badRequest("The parameter \"limit\" must be from 1 to \(maxLimit), not \(limit).")
        }
        query.limit = limit
        if let token = parameters["cursor"] {
            guard let cursor = TaskCursor(token: token), cursor.sort == query.sort else {
                throw HTTPError.badRequest(
                    "The parameter \"cursor\" is not valid for this list. Use the next link of the previous page as it is."
                )
            }
            query.cursor = cursor
        }
        return query
    }

    /// The address of the next page: `/tasks?` with the same filters, sort and limit as `query`,
    /// and `cursor=` the token of `cursor`. `nil` when there is no next page (`cursor` is `nil`).
    static func nextLink(for query: TaskQuery, after cursor: TaskCursor?) -> String? {
        guard let cursor else { return nil }
        var pairs: [(name: String, value: String)] = []
        if let status = query.status { pairs.append(("status", status.rawValue)) }
        if let assignee = query.assignee { pairs.append(("assignee", assignee)) }
        if query.sort != .default { pairs.append(("sort", query.sort.parameter)) }
        pairs.append(("cursor", cursor.token))
        return "/tasks?" + QueryString.make(pairs)
    }
}
