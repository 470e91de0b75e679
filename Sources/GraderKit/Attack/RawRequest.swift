import BackendKit
import Foundation
import Grader

/// A request written exactly as given, for attack and robustness checks: header lines repeat,
/// nothing is added unless asked (no `Host`, no `Content-Length`), nothing is cleaned.
///
/// ```swift
/// let forged = RawRequest(.get, "/admin")
///     .header("Host", "evil.example")
///     .header("X-Forwarded-For", "10.0.0.1")
///     .header("X-Forwarded-For", "127.0.0.1")        // a second line, as an attacker would send
/// let response = try t.http.send(forged)
/// ```
public struct RawRequest: Sendable {
    public var method: String
    public var target: String
    public var version: String
    /// Header lines in order, repeats kept.
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Whether `Content-Length` is added for the body (turn off to send a wrong one by hand).
    public var addsContentLength: Bool

    public init(_ method: HTTPMethod, _ target: String, version: String = "HTTP/1.1") {
        self.method = method.rawValue
        self.target = target
        self.version = version
        self.headers = []
        self.body = Data()
        self.addsContentLength = true
    }

    /// A copy with one more header line (an existing one of the same name stays).
    public func header(_ name: String, _ value: String) -> RawRequest {
        var copy = self
        copy.headers.append((name: name, value: value))
        return copy
    }

    /// A copy with `body` and, unless turned off, its `Content-Length`.
    public func body(_ body: Data) -> RawRequest {
        var copy = self
        copy.body = body
        return copy
    }

    /// A copy with a JSON body and `Content-Type: application/json`.
    public func json(_ json: JSONValue) -> RawRequest {
        header("Content-Type", "application/json").body(Data(json.description.utf8))
    }

    /// The bytes on the wire; `Host` is added only when `defaultHost` is given and none was set.
    func bytes(defaultHost: String?) -> [UInt8] {
        var head = "\(method) \(target) \(version)\r\n"
        if let defaultHost, !headers.contains(where: { $0.name.lowercased() == "host" }) {
            head += "Host: \(defaultHost)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if addsContentLength && (!body.isEmpty || ["POST", "PUT", "PATCH"].contains(method)),
            !headers.contains(where: { $0.name.lowercased() == "content-length" })
        {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + Array(body)
    }

    /// The request as the report shows it.
    var recorded: HTTPExchange.Request {
        HTTPExchange.Request(
            method: method, target: target, headers: headers.map { HTTPExchange.Header($0.name, $0.value) },
            body: body.isEmpty ? nil : Trimming.text(body, limit: 4096).text)
    }
}
