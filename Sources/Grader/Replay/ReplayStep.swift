/// One thing a grading run did to the learner's server, in order, so a script can do it again.
public enum ReplayStep: Sendable, Equatable {
    /// Check number `index` (1-based) starts here.
    case check(index: Int, name: String)
    /// A request, with its body exactly as sent.
    case request(ReplayRequest)
    /// The grader stopped the server and started it again on the same database.
    case restart
    /// Something that happened which the script can only describe (a signal, an environment
    /// variable the server was started with, requests sent at the same moment), as a sentence.
    case note(String)
    /// Something the script cannot do (the grader wrote to the database file itself, sent bytes
    /// curl cannot send), as a sentence that says what was skipped.
    case skipped(String)
}

/// A request as the grader sent it: headers and the exact bytes of the body.
public struct ReplayRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent, for example `/tasks?status=todo`.
    public var target: String
    /// Every header the grader wrote, except `Host`, `Content-Length`, `Connection` and `User-Agent`,
    /// which curl writes itself.
    public var headers: [HTTPExchange.Header]
    public var body: [UInt8]?
    /// The `Cookie` header came from the grader's cookie jar; the script keeps a jar of its own
    /// instead, since a fresh server hands out other cookies.
    public var usesCookieJar: Bool

    public init(
        method: String, target: String, headers: [HTTPExchange.Header] = [], body: [UInt8]? = nil,
        usesCookieJar: Bool = false
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.usesCookieJar = usesCookieJar
    }
}
