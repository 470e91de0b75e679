import Foundation

/// Calls other HTTP services (a payment gateway, a mail API) from a handler or a background job.
///
/// Plain `http://` to any host you configure, one connection per call, and a deadline on every
/// wait: `connect` (the host must accept the connection), `read` (the longest silence while the
/// answer arrives) and `total` (the whole call). A response larger than `maxResponseBytes` is
/// refused, so a broken upstream cannot fill your memory. Failures are `OutboundError`s that say
/// what happened; nothing is retried for you, because only you know whether a request is safe
/// to send twice (see `OutboundError.mayHaveReachedUpstream`). Calls suspend the handler without
/// blocking its event loop.
///
/// ```swift
/// let payments = try OutboundClient.fromEnvironment("PAYMENTS_URL")
/// let answer = try await payments.post("/charges", json: ["amount": 500], headers: ["Idempotency-Key": key])
/// guard answer.isSuccess else { throw HTTPError(.badGateway, detail: "The payment service said \(answer.status.code).") }
/// ```
public struct OutboundClient: Sendable {
    /// How long a call may wait, for each phase.
    public struct Timeouts: Sendable, Equatable {
        /// To establish the connection.
        public var connect: Duration
        /// The longest silence while sending the request or receiving the answer.
        public var read: Duration
        /// The whole call, from the first connect attempt to the last byte.
        public var total: Duration

        public init(
            connect: Duration = .seconds(2), read: Duration = .seconds(5), total: Duration = .seconds(10)
        ) {
            self.connect = connect
            self.read = read
            self.total = total
        }
    }

    /// The default limit on a response body: 1 MiB.
    public static let defaultMaxResponseBytes = 1024 * 1024

    /// Where relative paths are sent; `nil` when every call names a full URL.
    public let baseURL: String?
    public var timeouts: Timeouts
    public var maxResponseBytes: Int
    /// Sent with every call unless the call sets the same header (an API key, say).
    public var defaultHeaders: HTTPHeaders

    private let base: OutboundURL?

    /// A client for the service at `baseURL` (`http://127.0.0.1:9000/api`); throws
    /// `OutboundError.invalidURL` or `.unsupportedScheme` for anything else.
    public init(
        baseURL: String? = nil, timeouts: Timeouts = Timeouts(),
        maxResponseBytes: Int = OutboundClient.defaultMaxResponseBytes, defaultHeaders: HTTPHeaders = [:]
    ) throws(OutboundError) {
        self.baseURL = baseURL
        self.base = try baseURL.map { (text) throws(OutboundError) in try OutboundURL(parsing: text) }
        self.timeouts = timeouts
        self.maxResponseBytes = max(0, maxResponseBytes)
        self.defaultHeaders = defaultHeaders
    }

    /// A client for the URL in the environment variable `name`, so the grader (or your deployment)
    /// decides where the service is. Throws `.missingEnvironment(name)` when it is unset or empty.
    public static func fromEnvironment(
        _ name: String, timeouts: Timeouts = Timeouts(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(OutboundError) -> OutboundClient {
        guard let url = environment[name], !url.isEmpty else { throw .missingEnvironment(name) }
        return try OutboundClient(baseURL: url, timeouts: timeouts)
    }

    /// `GET path`; see `send(_:_:headers:body:)`.
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws(OutboundError)
        -> OutboundResponse
    {
        try await send(.get, path, headers: headers)
    }

    /// `DELETE path`; see `send(_:_:headers:body:)`.
    public func delete(_ path: String, headers: HTTPHeaders = [:]) async throws(OutboundError)
        -> OutboundResponse
    {
        try await send(.delete, path, headers: headers)
    }

    /// Sends `json` with `Content-Type: application/json`.
    public func post(_ path: String, json: JSONValue, headers: HTTPHeaders = [:]) async throws(OutboundError)
        -> OutboundResponse
    {
        try await send(.post, path, json: json, headers: headers)
    }

    /// `PUT path` with a JSON body, for replacing a resource upstream.
    public func put(_ path: String, json: JSONValue, headers: HTTPHeaders = [:]) async throws(OutboundError)
        -> OutboundResponse
    {
        try await send(.put, path, json: json, headers: headers)
    }

    /// Sends `json` (compact, sorted keys) with `Content-Type: application/json` unless set.
    public func send(_ method: HTTPMethod, _ path: String, json: JSONValue, headers: HTTPHeaders = [:])
        async throws(OutboundError) -> OutboundResponse
    {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return try await send(method, path, headers: headers, body: Data(json.description.utf8))
    }

    /// Sends any request: `path` is relative to `baseURL`, or a full `http://` URL.
    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil)
        async throws(OutboundError) -> OutboundResponse
    {
        let url: OutboundURL
        if let base {
            url = try base.resolving(path)
        } else {
            url = try OutboundURL(parsing: path)
        }
        let bytes = Self.requestBytes(
            method, url: url, headers: headers, defaults: defaultHeaders, body: body)
        let exchange = OutboundExchange(url: url, timeouts: timeouts, maxResponseBytes: maxResponseBytes)
        let result: Result<OutboundResponse, OutboundError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(
                        returning: Result { () throws(OutboundError) in
                            try exchange.perform(bytes, isHead: method == .head)
                        })
                }
                thread.stackSize = 256 * 1024
                thread.start()
            }
        } onCancel: {
            exchange.cancel()
        }
        return try result.get()
    }

    static func requestBytes(
        _ method: HTTPMethod, url: OutboundURL, headers: HTTPHeaders, defaults: HTTPHeaders, body: Data?
    ) -> [UInt8] {
        var all = defaults
        for (name, value) in headers { all[name] = value }
        var head = "\(method.rawValue) \(url.target) HTTP/1.1\r\n"
        if all["Host"] == nil { head += "Host: \(url.hostHeader)\r\n" }
        if all["User-Agent"] == nil { head += "User-Agent: BackendKit\r\n" }
        for (name, value) in all
        where !["Content-Length", "Connection"].contains(where: { name.equalsIgnoringASCIICase($0) }) {
            head += "\(clean(name)): \(clean(value))\r\n"
        }
        if let body {
            head += "Content-Length: \(body.count)\r\n"
        } else if [HTTPMethod.post, .put, .patch].contains(method) {
            head += "Content-Length: 0\r\n"
        }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + Array(body ?? Data())
    }

    /// Header text without CR, LF or NUL, so a value built from input cannot add header lines.
    private static func clean(_ text: String) -> String {
        String(text.map { $0 == "\r" || $0 == "\n" || $0 == "\0" ? " " : $0 })
    }
}
