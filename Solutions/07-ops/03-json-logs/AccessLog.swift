import BackendKit
import Foundation

/// One log line per request, for the machines that collect the log: a JSON object with what a
/// person on call searches and counts by, and nothing a reader of the log must not see.
///
/// ```
/// {"time":"…","level":"info","message":"request","duration_ms":1.32,"method":"GET","request_id":"8f3a2c1d9e0b4a57","route":"/orders/:id","status":200}
/// ```
struct AccessLog: Sendable {
    /// The checkout's logger: JSON when `LOG_FORMAT=json`, lines below `LOG_LEVEL` left out.
    let logger: Logger

    /// The `route` of a request no route of the checkout answers.
    static let unmatched = "unmatched"

    /// Registers the middleware; main.swift adds it before any other, so it sees every request.
    func register(on router: Router) {
        router.use { request, next in try await handle(request, next) }
    }

    func handle(_ request: Request, _ next: Handler) async throws
        -> Response
    {
        var request = request
        request.logger = logger  // the handlers' lines too: same format, same level, this request's id
        let route = RouteTemplates.template(for: request.path) ?? Self.unmatched
        let started = ContinuousClock.now
        do {
            let response = try await next(request)
            write(request, route: route, status: response.status.code, since: started)
            return response
        } catch let error as HTTPError {
            // A refusal (404, 401, 422…) is an answer like any other: logged with its status.
            write(request, route: route, status: error.status.code, since: started)
            throw error
        } catch {
            // A bug or a failure: BackendKit answers 500 without details; the cause is kept here.
            write(request, route: route, status: 500, since: started, error: error)
            throw error
        }
    }

    /// The request's one line. Only these fields: never headers, the body or the query string.
    private func write(
        _ request: Request, route: String, status: Int, since started: ContinuousClock.Instant,
        error: (any Error)? = nil
    ) {
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        var fields: [String: LogValue] = [
            "method": .string(request.method.rawValue), "route": .string(route), "status": .int(status),
            "duration_ms": .double(milliseconds), "request_id": .string(request.id),
        ]
        if let error {
            fields["error"] = .string(String(describing: error))
            logger.error("request", fields)
        } else {
            logger.info("request", fields)
        }
    }
}
