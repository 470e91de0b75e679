import BackendKit
import Foundation

/// The request a load run sends again and again; the target may vary per request (`/books/1`,
/// `/books/2`…) so caches and indexes see realistic traffic.
public struct LoadRequest: Sendable {
    public var method: HTTPMethod
    public var headers: HTTPHeaders
    public var body: Data?
    let target: @Sendable (Int) -> String
    /// Set when every request is the same, so its bytes are built once.
    var constantTarget: String?

    public init(
        _ method: HTTPMethod, headers: HTTPHeaders = [:], body: Data? = nil,
        target: @escaping @Sendable (Int) -> String
    ) {
        self.method = method
        self.headers = headers
        self.body = body
        self.target = target
    }

    /// `GET target` every time.
    public static func get(_ target: String, headers: HTTPHeaders = [:]) -> LoadRequest {
        var request = LoadRequest(.get, headers: headers) { _ in target }
        request.constantTarget = target
        return request
    }

    /// `GET` with the target for request number `index` (0, 1, 2…).
    public static func get(headers: HTTPHeaders = [:], _ target: @escaping @Sendable (Int) -> String)
        -> LoadRequest
    {
        LoadRequest(.get, headers: headers, target: target)
    }

    /// `POST target` with `json` every time.
    public static func post(_ target: String, json: JSONValue, headers: HTTPHeaders = [:]) -> LoadRequest {
        var all = headers
        if all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        var request = LoadRequest(.post, headers: all, body: Data(json.description.utf8)) { _ in target }
        request.constantTarget = target
        return request
    }

    /// The bytes of request number `index` for a server on `port`.
    func bytes(_ index: Int, port: Int) -> [UInt8] {
        var head =
            "\(method.rawValue) \(target(index)) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUser-Agent: backendlings-load\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + Array(body ?? Data())
    }

    /// "GET /books/1", for reports.
    var summary: String { "\(method.rawValue) \(target(0))" }
}
