import Foundation

/// Maps method + path to handlers, and runs middleware around them.
///
/// Register everything before the server starts; the server then works from a frozen copy, so
/// lookups take no lock. Mistakes in patterns (a missing leading `/`, a route registered twice) are
/// collected and reported when the server starts, instead of crashing at registration.
public final class Router: @unchecked Sendable {
    // @unchecked Sendable: every `var` is guarded by `lock`; a running server reads only `frozen`.
    private let lock = NSLock()
    private var routes: [Route] = []
    private var middlewares: [Middleware] = []
    private var problems: [String] = []
    private var frozen: RouteTable?

    public init() {}

    public func get(_ path: String, _ handler: @escaping Handler) { on(.get, path, handler) }
    public func post(_ path: String, _ handler: @escaping Handler) { on(.post, path, handler) }
    public func put(_ path: String, _ handler: @escaping Handler) { on(.put, path, handler) }
    public func patch(_ path: String, _ handler: @escaping Handler) { on(.patch, path, handler) }
    public func delete(_ path: String, _ handler: @escaping Handler) { on(.delete, path, handler) }
    public func head(_ path: String, _ handler: @escaping Handler) { on(.head, path, handler) }
    public func options(_ path: String, _ handler: @escaping Handler) { on(.options, path, handler) }

    /// Registers `handler` for `method` requests whose path matches `path` (`/books/:id`, `/files/*`).
    public func on(_ method: HTTPMethod, _ path: String, _ handler: @escaping Handler) {
        lock.withLock {
            guard frozen == nil else {
                problems.append(
                    "The route \(method) \(path) was added after the server started; add routes before calling run()."
                )
                return
            }
            do {
                let pattern = try RoutePattern(path)
                if routes.contains(where: { $0.method == method && $0.pattern.segments == pattern.segments })
                {
                    problems.append("The route \(method) \(path) is registered twice.")
                    return
                }
                routes.append(Route(method: method, pattern: pattern, handler: handler))
            } catch {
                problems.append(String(describing: error))
            }
        }
    }

    /// Adds middleware that runs around every request, including ones no route matches (so it sees
    /// 404s too). Middleware runs in the order added: the first added is the outermost.
    public func use(_ middleware: @escaping Middleware) {
        lock.withLock {
            if frozen == nil {
                middlewares.append(middleware)
            } else {
                problems.append("Middleware was added after the server started; add it before calling run().")
            }
        }
    }

    /// Every registration mistake so far, in order. The server refuses to start while any exist.
    public var registrationProblems: [String] { lock.withLock { problems } }

    /// Answers `request` exactly as the server would, without a socket. Never throws: handler errors
    /// become problem responses here. Useful in tests.
    public func respond(to request: Request) async -> Response {
        await table().respond(to: request)
    }

    /// The frozen routing table; the first call freezes the router.
    func table() -> RouteTable {
        lock.withLock {
            if let frozen { return frozen }
            let table = RouteTable(routes: routes, middlewares: middlewares)
            frozen = table
            return table
        }
    }
}

struct Route: Sendable {
    let method: HTTPMethod
    let pattern: RoutePattern
    let handler: Handler
}
