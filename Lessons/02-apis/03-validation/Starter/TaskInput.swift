import BackendKit
import Foundation

/// Reads the body of `POST /tasks` and `PUT /tasks/:id` and checks it, so that every client
/// mistake gets a clear 4xx answer and never a 500.
///
/// The rules for a task:
/// - `title`: required, a string, not empty after removing spaces at both ends, at most 200 characters.
/// - `status`: optional (a new task is `todo`); when given, one of `todo`, `doing`, `done`.
/// - `assignee`: optional or `null`; when given, a username (see `Formats.isUsername`).
/// - `due`: optional or `null`; when given, a date `YYYY-MM-DD` (see `Formats.isDate`).
enum TaskInput {
    static let maxTitleLength = 200

    /// The body of the request as a checked `TaskDraft`.
    static func read(from request: Request) throws -> TaskDraft {
        // TODO(learner): refuse a body that is not declared as JSON with 415 Unsupported Media Type
        //   (request.requireContentType does it), then parse it with request.json() (400 when it is
        //   not JSON at all), and check it with draft(from:).
        try request.decode(TaskDraft.self)
    }

    /// Checks every field of `body` and collects every problem; throws 422 listing them all.
    static func draft(from body: JSONValue) throws -> TaskDraft {
        // TODO(learner): check each rule above. Do not stop at the first problem: collect every
        //   (field, message) pair in an array, and when it is not empty,
        //   throw HTTPError.validation(errors). Build the TaskDraft only when everything is valid.
        throw HTTPError(.notImplemented, detail: "TODO: check the fields of the task.")
    }
}
