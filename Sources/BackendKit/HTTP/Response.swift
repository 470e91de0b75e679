import Foundation

/// What a handler answers: a status, header fields and a body.
///
/// The server adds `Date`, `Content-Length` and `Connection` itself, so handlers only set what is
/// specific to their answer. Build one with the factories (`.json`, `.text`, `.created`…) or the
/// initializer.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Plain text, `Content-Type: text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    /// `value` encoded as JSON (sorted keys, ISO 8601 dates), `Content-Type: application/json`.
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) throws -> Response {
        Response(
            status: status, headers: ["Content-Type": "application/json"],
            body: try JSONCoding.encoder.encode(value))
    }

    /// 201 Created with a `Location` header pointing at the new resource and its JSON representation.
    public static func created(_ value: some Encodable, location: String) throws -> Response {
        var response = try json(value, status: .created)
        response.headers["Location"] = location
        return response
    }

    /// 204 No Content: success with nothing to send back (after a DELETE, for example).
    public static func noContent() -> Response { Response(status: .noContent) }

    /// A redirect (303 See Other by default) to `location`.
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> Response {
        Response(status: status, headers: ["Location": location])
    }

    /// Returns a copy with one header field set, for chaining: `.json(book).with("ETag", etag)`.
    public func with(_ name: String, _ value: String) -> Response {
        var copy = self
        copy.headers[name] = value
        return copy
    }

    /// The body as UTF-8 text, for tests and logging.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
