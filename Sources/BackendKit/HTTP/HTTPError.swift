import Foundation

/// An error a handler throws to answer with an error status.
///
/// The server turns it into an RFC 9457 problem document (`application/problem+json`):
/// `{"type":"about:blank","title":"Not Found","status":404,"detail":"No book with id 7."}`.
/// Any other error a handler throws becomes a 500 that reveals nothing about your code.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    /// A short, human-readable summary of the problem type; defaults to the reason phrase.
    public var title: String
    /// What went wrong with this particular request, written for the client's developer.
    public var detail: String?
    /// A URI identifying the problem type; `about:blank` means "just the status".
    public var type: String
    /// Extra members of the problem document, such as a list of per-field `errors`.
    public var extensions: [String: JSONValue]
    /// Header fields to send with the error (`Allow` on a 405, `Retry-After` on a 429…).
    public var headers: HTTPHeaders

    public init(
        _ status: HTTPStatus,
        title: String? = nil,
        detail: String? = nil,
        type: String = "about:blank",
        extensions: [String: JSONValue] = [:],
        headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.type = type
        self.extensions = extensions
        self.headers = headers
    }

    public static func badRequest(_ detail: String) -> HTTPError { HTTPError(.badRequest, detail: detail) }
    public static func notFound(_ detail: String) -> HTTPError { HTTPError(.notFound, detail: detail) }
    public static func conflict(_ detail: String) -> HTTPError { HTTPError(.conflict, detail: detail) }
    public static func unauthorized(_ detail: String) -> HTTPError {
        HTTPError(.unauthorized, detail: detail)
    }
    public static func forbidden(_ detail: String) -> HTTPError { HTTPError(.forbidden, detail: detail) }

    /// 422 with one entry per invalid field, so a client can show every problem at once.
    public static func validation(_ errors: [(field: String, message: String)], detail: String? = nil)
        -> HTTPError
    {
        let list: [JSONValue] = errors.map { ["field": .string($0.field), "message": .string($0.message)] }
        return HTTPError(
            .unprocessableContent,
            detail: detail ?? "The request has \(errors.count) invalid field\(errors.count == 1 ? "" : "s").",
            extensions: ["errors": .array(list)]
        )
    }

    public var description: String {
        "HTTP \(status.code) \(title)" + (detail.map { ": \($0)" } ?? "")
    }

    /// The problem document as a response; `instance` is usually the request path.
    public func response(instance: String? = nil) -> Response {
        var members = extensions
        members["type"] = .string(type)
        members["title"] = .string(title)
        members["status"] = .number(Double(status.code))
        if let detail { members["detail"] = .string(detail) }
        if let instance { members["instance"] = .string(instance) }
        var response = Response(
            status: status, headers: headers,
            body: (try? JSONCoding.encoder.encode(JSONValue.object(members))) ?? Data())
        response.headers["Content-Type"] = "application/problem+json"
        return response
    }
}
