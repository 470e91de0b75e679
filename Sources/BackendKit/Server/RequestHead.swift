/// The parsed request line and header section of one request, before its body arrives.
struct RequestHead: Sendable {
    enum BodyFraming: Equatable, Sendable {
        case none
        case length(Int)
        case chunked
    }

    var method: HTTPMethod
    var target: String
    var version: (major: Int, minor: Int)
    var headers: HTTPHeaders
    var framing: BodyFraming
    /// Whether the client wants the connection kept open after this request (RFC 9112 §9.3).
    var keepAlive: Bool
    /// The client sent `Expect: 100-continue` and waits for our go-ahead before sending the body.
    var expectsContinue: Bool
}

/// Why a request could not be parsed, with the status the server answers before closing.
struct ParseFailure: Error, Equatable, Sendable {
    var status: HTTPStatus
    var detail: String
    /// The failed request is a HEAD (its request line was read), so the answer must have no body
    /// (RFC 9110 §9.3.2).
    var isHeadRequest = false

    static func badRequest(_ detail: String) -> ParseFailure {
        ParseFailure(status: .badRequest, detail: detail)
    }
}
