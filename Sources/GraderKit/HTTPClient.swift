import BackendKit
import Foundation
import Grader

/// The grader's HTTP client: one connection per request, a deadline on every wait, and every
/// exchange recorded so a failure can show exactly what was sent and what came back.
///
/// Safe to use from several threads at once (`TestContext.concurrently`).
public final class HTTPClient: @unchecked Sendable {
    // @unchecked Sendable: the `stored…` settings and `exchanges` are guarded by `lock`.
    /// How long to wait for a complete response before failing the check.
    public var timeout: Duration {
        get { lock.withLock { storedTimeout } }
        set { lock.withLock { storedTimeout = newValue } }
    }
    /// Sent with every request unless the request sets the same header.
    public var defaultHeaders: HTTPHeaders {
        get { lock.withLock { storedDefaultHeaders } }
        set { lock.withLock { storedDefaultHeaders = newValue } }
    }
    public let cookies = CookieJar()
    /// When set (the statement log is on), every request carries `X-Request-Id: grader-N`, unless
    /// the check set one, so the statements it caused can be found.
    var tagsRequests: Bool {
        get { lock.withLock { storedTagsRequests } }
        set { lock.withLock { storedTagsRequests = newValue } }
    }

    private let lock = NSLock()
    private var storedTagsRequests = false
    private var storedTimeout: Duration = .seconds(5)
    private var storedDefaultHeaders: HTTPHeaders = ["Accept": "application/json"]
    private var exchanges: [HTTPExchange] = []
    private let endpoint: @Sendable () throws -> Int
    private let diagnose: @Sendable () -> TransportDiagnosis?
    private let replay: ReplayLog?

    /// - Parameters:
    ///   - endpoint: the server's current port, starting the server when needed.
    ///   - diagnose: explains a transport failure (for example "your server crashed: …"), or `nil`.
    ///   - replay: where every request sent is recorded for replay scripts.
    init(
        endpoint: @escaping @Sendable () throws -> Int,
        diagnose: @escaping @Sendable () -> TransportDiagnosis?,
        replay: ReplayLog? = nil
    ) {
        self.endpoint = endpoint
        self.diagnose = diagnose
        self.replay = replay
    }

    /// The most recent exchange, for reports of failures that did not name one.
    var lastExchange: HTTPExchange? { lock.withLock { exchanges.last } }

    var exchangeCount: Int { lock.withLock { exchanges.count } }

    /// The request lines (`GET /books/1`) of the exchanges after the first `count`, each once, in
    /// order, at most `limit` of them: what a check did, for its report.
    func requestLines(since count: Int, limit: Int = 12) -> [String] {
        let recent = lock.withLock {
            exchanges.dropFirst(count).map { "\($0.request.method) \($0.request.target)" }
        }
        var seen = Set<String>()
        let lines = recent.filter { seen.insert($0).inserted }
        return lines.count > limit
            ? Array(lines.prefix(limit)) + [
                Words("… and \(lines.count - limit) more", id: "… dan \(lines.count - limit) lagi").text
            ]
            : lines
    }

    /// Keeps an exchange made outside `send` (raw requests) for the report.
    func recordExchange(_ exchange: HTTPExchange) { lock.withLock { exchanges.append(exchange) } }

    /// The server's port, starting it when needed.
    func currentPort() throws -> Int { try endpoint() }

    @discardableResult
    public func get(_ target: String, headers: HTTPHeaders = [:]) throws -> ClientResponse {
        try send(.get, target, headers: headers)
    }

    @discardableResult
    public func head(_ target: String, headers: HTTPHeaders = [:]) throws -> ClientResponse {
        try send(.head, target, headers: headers)
    }

    @discardableResult
    public func delete(_ target: String, headers: HTTPHeaders = [:]) throws -> ClientResponse {
        try send(.delete, target, headers: headers)
    }

    @discardableResult
    public func post(_ target: String, json: JSONValue, headers: HTTPHeaders = [:]) throws -> ClientResponse {
        try send(.post, target, json: json, headers: headers)
    }

    @discardableResult
    public func put(_ target: String, json: JSONValue, headers: HTTPHeaders = [:]) throws -> ClientResponse {
        try send(.put, target, json: json, headers: headers)
    }

    @discardableResult
    public func patch(
        _ target: String, json: JSONValue, headers: HTTPHeaders = [:],
        contentType: String = "application/json"
    ) throws -> ClientResponse {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = contentType }
        return try send(.patch, target, headers: headers, body: Data(json.description.utf8))
    }

    /// Sends `json` (compact, sorted keys) with `Content-Type: application/json` unless set.
    @discardableResult
    public func send(_ method: HTTPMethod, _ target: String, json: JSONValue, headers: HTTPHeaders = [:])
        throws -> ClientResponse
    {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return try send(method, target, headers: headers, body: Data(json.description.utf8))
    }

    /// Sends any request. A body is sent with its `Content-Length`; no `Content-Type` is added.
    @discardableResult
    public func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: Data? = nil)
        throws -> ClientResponse
    {
        var allHeaders = defaultHeaders
        for (name, value) in headers { allHeaders[name] = value }
        var usesCookieJar = false
        if let cookie = cookies.header(), allHeaders["Cookie"] == nil {
            allHeaders["Cookie"] = cookie
            usesCookieJar = true
        }
        if let tag = nextRequestTag(), allHeaders["X-Request-Id"] == nil { allHeaders["X-Request-Id"] = tag }
        let recorded = HTTPExchange.Request(
            method: method.rawValue,
            target: target,
            headers: allHeaders.map { HTTPExchange.Header($0.name, $0.value) },
            body: body.map { Trimming.text($0, limit: 4096).text }
        )
        let port: Int
        do {
            port = try endpoint()
        } catch let launch as ServerLaunchError {
            throw launch  // the run cannot go on: reported as an error with the server's output
        } catch let failure as CheckFailure {
            var recordedFailure = record(recorded, problem: failure.message)
            recordedFailure.serverHadStopped = failure.serverHadStopped
            throw recordedFailure
        } catch {
            throw record(recorded, problem: String(describing: error))
        }
        replay?.request(
            method: method.rawValue, target: target, headers: allHeaders.map { ($0.name, $0.value) },
            body: body,
            usesCookieJar: usesCookieJar)
        var head = "\(method.rawValue) \(target) HTTP/1.1\r\n"
        // A check may point Host elsewhere (Host-header attacks); otherwise it names the server.
        if allHeaders["Host"] == nil { head += "Host: 127.0.0.1:\(port)\r\n" }
        head += "User-Agent: backendlings-grader\r\n"
        for (name, value) in allHeaders { head += "\(name): \(value)\r\n" }
        if let body {
            head += "Content-Length: \(body.count)\r\n"
        } else if [HTTPMethod.post, .put, .patch].contains(method) {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        let bytes = Array(head.utf8) + Array(body ?? Data())
        let parsed: ParsedResponse
        do {
            parsed = try RawConnection.exchange(bytes, port: port, timeout: timeout, isHead: method == .head)
        } catch let error as RawConnection.Failure {
            let diagnosis = diagnose()
            let problem = diagnosis?.replacesProblem == true ? Self.noResponse + "." : error.description
            throw record(recorded, problem: problem, explanation: diagnosis?.text)
        }
        for value in parsed.headers.values(for: "Set-Cookie") { cookies.store(setCookie: value) }
        let trimmed = Trimming.text(parsed.body, limit: 8192)
        let exchange = HTTPExchange(
            request: recorded,
            response: HTTPExchange.Response(
                status: parsed.status,
                reason: parsed.reason,
                headers: parsed.headers.map { HTTPExchange.Header($0.name, $0.value) },
                body: trimmed.text,
                bodyBytesOmitted: trimmed.omitted
            )
        )
        lock.withLock { exchanges.append(exchange) }
        return ClientResponse(
            method: method.rawValue, target: target, status: parsed.status, reason: parsed.reason,
            headers: parsed.headers, body: parsed.body, exchange: exchange
        )
    }

    /// Sends exact bytes (malformed requests, pipelining) and returns what came back until the server
    /// closed the connection or went quiet for `quietPeriod`.
    public func raw(_ bytes: [UInt8], quietPeriod: Duration = .milliseconds(500)) throws -> Data {
        let port = try endpoint()
        replay?.append(
            .skipped(
                Words(
                    "\(bytes.count) bytes the grader wrote by hand (a request curl cannot send as it was)",
                    id:
                        "\(bytes.count) byte yang ditulis grader sendiri (request yang tidak bisa dikirim curl apa adanya)"
                ).text))
        do {
            return try RawConnection.sendAndCollect(
                bytes, port: port, quietPeriod: quietPeriod, timeout: timeout)
        } catch let error as RawConnection.Failure {
            throw CheckFailure(explained(error))
        }
    }

    /// "no response", the words a failure starts with when the server did not answer at all.
    static var noResponse: String { Words("no response", id: "tidak ada response").text }

    private func nextRequestTag() -> String? {
        tagsRequests ? RequestTags.next() : nil
    }

    /// The transport failure in words, with what is known about the server's state.
    private func explained(_ failure: RawConnection.Failure) -> String {
        guard let diagnosis = diagnose() else { return failure.description }
        if diagnosis.replacesProblem { return Self.noResponse + ". " + diagnosis.text }
        return failure.description + " " + diagnosis.text
    }

    /// A failure for a request that got no response: `problem` says what happened on the
    /// connection (the report's "No response: …"), `explanation` why, when known ("Your server
    /// crashed …"), and the message says both.
    private func record(_ request: HTTPExchange.Request, problem: String, explanation: String? = nil)
        -> CheckFailure
    {
        let exchange = HTTPExchange(request: request, response: nil, problem: problem)
        lock.withLock { exchanges.append(exchange) }
        let message =
            "\(request.method) \(request.target) → \(problem)" + (explanation.map { " " + $0 } ?? "")
        return CheckFailure(message, exchange: exchange)
    }
}

/// What the test context knows about a failed exchange: a crash adds to the failure's own words,
/// a stopped server replaces them (its "no response within 5 seconds" would point at a handler).
struct TransportDiagnosis: Sendable {
    var text: String
    var replacesProblem = false
}

/// Text for reports: UTF-8 shown as text, cut at `limit` bytes with the rest counted.
enum Trimming {
    static func text(_ data: Data, limit: Int) -> (text: String, omitted: Int) {
        let kept = data.prefix(limit)
        guard
            let text = String(data: kept, encoding: .utf8) ?? String(data: kept.dropLast(3), encoding: .utf8)
        else {
            return (
                Words("(\(data.count) bytes of binary data)", id: "(\(data.count) byte data biner)").text, 0
            )
        }
        return (text, data.count - kept.count)
    }
}
