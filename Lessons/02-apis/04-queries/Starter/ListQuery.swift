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
    static func parse(_ parameters: QueryParameters) throws -> TaskQuery {
        // TODO(learner): read each parameter of the table above with parameters["name"] (nil when it
        //   was not sent) and check it. Throw HTTPError.badRequest("...") for a value that is not
        //   allowed, naming the parameter and what is allowed. Useful: TaskStatus(rawValue:),
        //   Formats.isUsername, TaskSort(parameter:), try parameters.int("limit"), TaskCursor(token:).
        _ = parameters
        return TaskQuery()
    }

    /// The address of the next page: `/tasks?` with the same filters, sort and limit as `query`,
    /// and `cursor=` the token of `cursor`. `nil` when there is no next page (`cursor` is `nil`).
    static func nextLink(for query: TaskQuery, after cursor: TaskCursor?) -> String? {
        // TODO(learner): return nil when cursor is nil. Otherwise list the parameters as
        //   (name, value) pairs, only those the query uses (status, assignee, sort, limit) plus
        //   ("cursor", cursor.token), and return "/tasks?" + QueryString.make(pairs).
        nil
    }
}
