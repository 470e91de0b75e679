import Foundation

extension ClientResponse {
    /// The server's `Date` header as a date; `nil` when missing or malformed. With BackendKit it
    /// follows the controlled clock, so it shows whether the server sees the grader's time.
    public var serverDate: Date? { headers["Date"].flatMap(HTTPDate.parse) }
}
