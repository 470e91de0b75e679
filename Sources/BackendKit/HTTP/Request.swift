import Foundation

/// One HTTP request, as a handler sees it.
///
/// A value: handlers can copy and change it (middleware adds route parameters, a user id…) without
/// affecting anyone else. The body is fully read before the handler runs, within the server's limits.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The request target exactly as the client sent it, for example `/books?author=Le%20Guin`.
    public var target: String
    /// The decoded path without the query, for example `/books`.
    public var path: String
    public var query: QueryParameters
    public var headers: HTTPHeaders
    public var body: Data
    /// Values captured from the route pattern: for `/books/:id`, `parameters["id"]`.
    public var parameters: Parameters
    /// A short id for this request, from the client's `X-Request-Id` when it sent a sensible one,
    /// otherwise generated. It appears in every log line of the request and in 500 responses.
    public var id: String
    /// `(1, 1)` for HTTP/1.1.
    public var version: (major: Int, minor: Int)
    /// Who sent the request: the address and port of the other end of the connection. `nil` for a
    /// request made in code (`router.respond(to:)`). Behind a proxy this is the proxy; the original
    /// client is then only claimed by headers such as `X-Forwarded-For`, which anyone can forge.
    public var peer: PeerAddress?
    /// The clock this request's handler should read the time from (the server's configured clock,
    /// `ServerClock.system` by default), so that tests and the grader can move time.
    public var clock: ServerClock {
        get { configuredClock ?? .system }
        set { configuredClock = newValue }
    }
    /// `nil` for the system clock, so the common case stores and copies nothing.
    private var configuredClock: ServerClock?
    /// A logger whose lines carry this request's id; use it in handlers instead of `print`.
    /// Built when first used, so requests that never log cost nothing.
    public var logger: Logger {
        get { baseLogger.with("request_id", .string(id)) }
        set { baseLogger = newValue }
    }
    private var baseLogger: Logger

    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = [:],
        body: Data = Data(),
        id: String = "",
        version: (major: Int, minor: Int) = (1, 1)
    ) {
        self.method = method
        self.target = target
        let questionMark = target.firstIndex(of: "?")
        let rawPath = questionMark.map { String(target[..<$0]) } ?? target
        self.path = PercentDecoding.decode(rawPath) ?? rawPath
        self.query = QueryParameters(
            parsing: questionMark.map { String(target[target.index(after: $0)...]) } ?? "")
        self.headers = headers
        self.body = body
        self.parameters = Parameters()
        self.id = id
        self.version = version
        self.peer = nil
        self.configuredClock = nil
        self.baseLogger = .standard
    }

    /// The current time on the request's clock: use it instead of `Date()` for anything stored or
    /// compared (expiry, rate-limit windows), so the behaviour can be tested without waiting.
    public var now: Date { clock.now }

    /// The body as UTF-8 text (invalid bytes become U+FFFD).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The media type of the body, lowercased and without parameters: `application/json` for
    /// `Application/JSON; charset=utf-8`. `nil` when the request has no `Content-Type`.
    public var contentType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let mediaType =
            value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingASCIIWhitespace() } ?? ""
        return mediaType.lowercased()
    }

    /// Decodes the JSON body into `T`.
    ///
    /// Throws an `HTTPError` a client can act on: 400 when the body is not JSON at all, 422 when it is
    /// JSON of the wrong shape (a missing field, a string where a number belongs), naming the field.
    /// It does not check `Content-Type`; call `requireContentType` first when that matters.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        if body.isEmpty {
            throw HTTPError(.badRequest, detail: "The request has no body; send a JSON document.")
        }
        do {
            try JSONSyntax.validate(body)
            return try JSONCoding.decoder.decode(T.self, from: body)
        } catch {
            let (field, message) = JSONCoding.describe(error)
            guard let field else { throw HTTPError(.badRequest, detail: message) }
            throw HTTPError(
                .unprocessableContent, detail: message,
                extensions: ["errors": [["field": .string(field), "message": .string(message)]]])
        }
    }

    /// The body parsed as a `JSONValue`; throws 400 when it is not JSON.
    public func json() throws -> JSONValue {
        do {
            return try JSONValue(parsing: body)
        } catch {
            throw HTTPError(.badRequest, detail: JSONCoding.describe(error).message)
        }
    }

    /// Throws 415 Unsupported Media Type unless the body is declared as `mediaType`
    /// (ignoring case and parameters such as `charset`).
    public func requireContentType(_ mediaType: String = "application/json") throws {
        guard contentType == mediaType.lowercased() else {
            let got = headers["Content-Type"].map { "\"\($0)\"" } ?? "no Content-Type"
            throw HTTPError(
                .unsupportedMediaType, detail: "Send the body as \(mediaType) (the request said \(got)).")
        }
    }
}

/// The values captured from a route pattern such as `/books/:id`.
public struct Parameters: Sendable, Equatable {
    private var values: [String: String] = [:]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The parameter as a whole number; throws 400 naming the parameter when it is not one.
    public func int(_ name: String) throws -> Int {
        guard let raw = values[name] else {
            throw HTTPError(.internalServerError, detail: "The route has no parameter named \"\(name)\".")
        }
        switch WholeNumberText.parse(raw) {
        case .success(let value): return value
        case .failure(let problem):
            throw HTTPError(
                .badRequest, detail: "The path parameter \"\(name)\" " + problem.sentence(raw: raw))
        }
    }
}
