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

    /// The body of the request as a checked `TaskDraft`: 415 when it is not declared as JSON,
    /// 400 when it is not JSON at all, 422 when fields break the rules.
    static func read(from request: Request) throws -> TaskDraft {
        try request.requireContentType("application/json")
        return try draft(from: try request.json())
    }

    /// Checks every field of `body` and collects every problem; throws 422 listing them all, so a
    /// client can show every mistake at once instead of one per round trip.
    static func draft(from body: JSONValue) throws -> TaskDraft {
        guard let fields = body.object else {
            throw HTTPError.validation([("body", "must be a JSON object, such as {\"title\": \"Buy milk\"}")])
        }
        var errors: [(field: String, message: String)] = []
        let title = checkTitle(fields["title"], into: &errors)
        guard errors.isEmpty else { throw HTTPError.validation(errors) }
        let status = checkStatus(fields["status"], into: &errors)
        let assignee = checkOptional(
            fields["assignee"], "assignee", into: &errors, rule: Formats.isUsername,
            message: "must be a username: 1 to 40 lowercase letters, digits, '.', '_' or '-'")
        let due = checkOptional(
            fields["due"], "due", into: &errors, rule: Formats.isDate,
            message: "must be a date written as YYYY-MM-DD, such as 2026-12-01")
        guard errors.isEmpty else { throw HTTPError.validation(errors) }
        return TaskDraft(title: title, status: status, assignee: assignee, due: due)
    }

    private static func checkTitle(_ value: JSONValue?, into errors: inout [(field: String, message: String)])
        -> String
    {
        switch value {
        case nil, .null?:
            errors.append(("title", "is required"))
        case .string(let text)?:
            let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty {
                errors.append(("title", "must not be empty"))
            } else if title.count > maxTitleLength {
                errors.append(
                    ("title", "must be at most \(maxTitleLength) characters (it has \(title.count))"))
            } else {
                return title
            }
        case let other?:
            errors.append(("title", "must be a string, not \(other.kindDescription)"))
        }
        return ""
    }

    private static func checkStatus(
        _ value: JSONValue?, into errors: inout [(field: String, message: String)]
    ) -> TaskStatus {
        guard let value else { return .todo }
        if let text = value.string, let status = TaskStatus(rawValue: text) { return status }
        let allowed = TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
        errors.append(("status", "must be one of \(allowed)"))
        return .todo
    }

    /// A field that may be absent or `null` (both mean "none"), and otherwise must be a string
    /// that passes `rule`.
    private static func checkOptional(
        _ value: JSONValue?, _ field: String, into errors: inout [(field: String, message: String)],
        rule: (String) -> Bool, message: String
    ) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let text)? where rule(text):
            return text
        default:
            errors.append((field, message))
            return nil
        }
    }
}
