import Foundation

/// The immutable routing table a running server uses: lookup, 404/405, HEAD and OPTIONS, and the
/// middleware chain, with every error turned into a response.
struct RouteTable: Sendable {
    private let routes: [Route]
    private let chain: Handler

    init(routes: [Route], middlewares: [Middleware]) {
        let sorted = routes.enumerated().sorted { a, b in
            a.element.pattern.specificity != b.element.pattern.specificity
                ? a.element.pattern.specificity > b.element.pattern.specificity : a.offset < b.offset
        }.map(\.element)
        self.routes = sorted
        let implemented = Set(Self.standardMethods + routes.map(\.method))
        let dispatch: Handler = { request in
            try await RouteTable.dispatch(request, routes: sorted, implemented: implemented)
        }
        self.chain = middlewares.reversed().reduce(dispatch) { next, middleware in
            { request in try await middleware(request, next) }
        }
    }

    func respond(to request: Request) async -> Response {
        do {
            return try await chain(request)
        } catch let error as HTTPError {
            return error.response(instance: request.path)
        } catch {
            request.logger.error(
                "Unhandled error in \(request.method) \(request.path): \(String(describing: error))")
            return HTTPError(
                .internalServerError,
                detail:
                    "Something went wrong on the server. Quote request id \(request.id) when you report it.",
                extensions: ["requestId": .string(request.id)]
            ).response(instance: request.path)
        }
    }

    /// The methods BackendKit itself gives meaning to; any other is implemented only by a route for it.
    static let standardMethods: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    private static func dispatch(_ request: Request, routes: [Route], implemented: Set<HTTPMethod>)
        async throws -> Response
    {
        // RFC 9110 §9.1: method names are case-sensitive, and one the server does not know is 501.
        guard implemented.contains(request.method) else {
            throw HTTPError(.notImplemented, detail: notImplementedDetail(request.method, implemented))
        }
        let segments = RouteTable.segments(of: request.target)
        var allowed: [HTTPMethod] = []
        var getMatch: (Route, [String: String])?
        for route in routes {
            guard let captured = route.pattern.match(segments) else { continue }
            if route.method == request.method {
                var matched = request
                matched.parameters = Parameters(captured)
                return try await route.handler(matched)
            }
            if route.method == .get && getMatch == nil { getMatch = (route, captured) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if request.method == .head, let (route, captured) = getMatch {
            var matched = request
            matched.parameters = Parameters(captured)
            return try await route.handler(matched)  // the server leaves the body out
        }
        guard !allowed.isEmpty else {
            throw HTTPError(.notFound, detail: "There is no route for \(request.method) \(request.path).")
        }
        if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
        if !allowed.contains(.options) { allowed.append(.options) }
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        if request.method == .options {
            return Response(status: .noContent, headers: ["Allow": allow])
        }
        throw HTTPError(
            .methodNotAllowed,
            detail: "\(request.path) does not support \(request.method). It supports: \(allow).",
            headers: ["Allow": allow]
        )
    }

    /// "This server does not implement the method "get". Method names are case-sensitive: did you mean GET?"
    private static func notImplementedDetail(_ method: HTTPMethod, _ implemented: Set<HTTPMethod>) -> String {
        let sentence = "This server does not implement the method \"\(method)\"."
        guard
            let meant = implemented.first(where: { $0.rawValue.uppercased() == method.rawValue.uppercased() })
        else { return sentence }
        return sentence + " Method names are case-sensitive: did you mean \(meant)?"
    }

    /// The path of a request target split into percent-decoded segments (a `%2F` stays inside its segment).
    static func segments(of target: String) -> [String] {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return RoutePattern.split(path).map { PercentDecoding.decode($0) ?? String($0) }
    }
}
