import BackendKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A scriptable HTTP service inside the grader that the learner's server calls, such as a payment
/// gateway that fails twice and then succeeds. Give its `url` to the server by environment.
///
/// Each route has a queue of behaviours: each request takes the next one, and once the queue is
/// empty the last behaviour repeats (or `then:`). A request no route matches is answered
/// `501 Not Implemented` with a body naming the scripted routes, and kept in `requests` like
/// every other.
///
/// ```swift
/// let payments = try t.fakeUpstream("payments")
/// try payments.on(.post, "/charges", [.status(503), .reset, .json(["id": "ch_1"], status: 201)])
/// try t.startServer(environment: ["PAYMENTS_URL": payments.url])
/// try t.http.post("/orders", json: ["amount": 500]).expectStatus(201)
/// let calls = payments.requests(to: "/charges")     // 3, with their headers, bodies and times
/// ```
public final class FakeUpstream: @unchecked Sendable {
    // @unchecked Sendable: `scripts` and `received` are guarded by `lock`.
    /// The longest delay a script may ask for: longer than a check may run.
    public static let maxDelay: Duration = .seconds(60)

    public let name: String
    public let port: Int
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var url: String { "http://127.0.0.1:\(port)" }

    private struct Script {
        var method: HTTPMethod
        var path: String
        var queue: [UpstreamBehaviour]
        var then: UpstreamBehaviour?
    }

    private let server: FakeHTTPServer
    private let lock = NSLock()  // guards `scripts` and `received`
    private var scripts: [Script] = []
    private var received: [UpstreamRequest] = []
    private let arrived = NSCondition()

    init(name: String) throws {
        guard !name.isEmpty else { throw FakeUpstreamError(upstream: name, "give the fake upstream a name") }
        self.name = name
        let holder = BehaviourSource()
        self.server = try FakeHTTPServer { request in holder.behaviour(for: request) }
        self.port = server.port
        holder.upstream = self
    }

    /// Scripts `method path`: each request takes the next of `behaviours`; afterwards `then`, or
    /// the last behaviour again. A second script for the same route replaces the first. A path
    /// ending in `*` matches every path that starts with what comes before it.
    public func on(
        _ method: HTTPMethod, _ path: String, _ behaviours: [UpstreamBehaviour],
        then: UpstreamBehaviour? = nil
    ) throws {
        guard path.hasPrefix("/") else {
            throw FakeUpstreamError(upstream: name, "the route \(method) \(path) must start with /")
        }
        guard !behaviours.isEmpty else {
            throw FakeUpstreamError(
                upstream: name, "the route \(method) \(path) needs at least one behaviour")
        }
        for (index, behaviour) in (behaviours + (then.map { [$0] } ?? [])).enumerated() {
            if let problem = behaviour.problem {
                throw FakeUpstreamError(
                    upstream: name, "behaviour \(index + 1) of \(method) \(path): \(problem)")
            }
        }
        lock.withLock {
            scripts.removeAll { $0.method == method && $0.path == path }
            scripts.append(Script(method: method, path: path, queue: behaviours, then: then))
        }
    }

    /// Every request received so far, in arrival order.
    public var requests: [UpstreamRequest] { lock.withLock { received } }

    /// The requests whose path is `path` (and method `method`, when given).
    public func requests(to path: String, method: HTTPMethod? = nil) -> [UpstreamRequest] {
        requests.filter { $0.path == path && (method == nil || $0.method == method!.rawValue) }
    }

    /// Waits until at least `count` requests to `path` arrived (or `timeout` passed) and returns
    /// them: for calls a server makes in the background.
    public func waitForRequests(_ count: Int, to path: String, timeout: Duration = .seconds(5))
        -> [UpstreamRequest]
    {
        let deadline = Date(timeIntervalSinceNow: timeout.timeInterval)
        arrived.lock()
        defer { arrived.unlock() }
        while requests(to: path).count < count && arrived.wait(until: deadline) {}
        return requests(to: path)
    }

    /// Stops listening and closes every connection (a `.neverAnswer` ends here).
    public func stop() { server.stop() }

    fileprivate func behaviour(for request: UpstreamRequest) -> UpstreamBehaviour {
        let chosen: UpstreamBehaviour = lock.withLock {
            received.append(request)
            guard let index = scripts.firstIndex(where: { matches($0, request) }) else {
                let known = scripts.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
                return .text(
                    "fake upstream \"\(name)\" has no behaviour for \(request.method) \(request.path); scripted: \(known.isEmpty ? "nothing" : known)",
                    status: 501)
            }
            if scripts[index].queue.count > 1 { return scripts[index].queue.removeFirst() }
            if let then = scripts[index].then, scripts[index].queue.count == 1 {
                defer { scripts[index].queue = [then] }
                return scripts[index].queue[0]
            }
            return scripts[index].queue[0]
        }
        arrived.lock()
        arrived.broadcast()
        arrived.unlock()
        if case .custom(let decide) = chosen { return decide(request) }
        return chosen
    }

    private func matches(_ script: Script, _ request: UpstreamRequest) -> Bool {
        guard script.method.rawValue == request.method else { return false }
        if script.path.hasSuffix("*") { return request.path.hasPrefix(script.path.dropLast()) }
        return script.path == request.path
    }
}

/// Lets the server's callback reach the upstream that owns it, once both exist.
private final class BehaviourSource: @unchecked Sendable {
    // @unchecked Sendable: `upstream` is set once, before the server can call back, and only read after.
    weak var upstream: FakeUpstream?  // set once, before the first request can arrive

    func behaviour(for request: UpstreamRequest) -> UpstreamBehaviour {
        upstream?.behaviour(for: request) ?? .status(503)
    }
}
