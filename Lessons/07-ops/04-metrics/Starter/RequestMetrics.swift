import BackendKit
import Foundation

/// The checkout's numbers for a monitoring system (Prometheus) that reads `GET /metrics` every
/// few seconds: how many requests of each route ended with each status, how long they took, and
/// how many are being answered right now.
///
/// ```
/// http_requests_total{method="GET",route="/orders/:id",status="200"} 3
/// http_request_duration_seconds_bucket{route="/orders/:id",le="0.005"} 3
/// http_requests_in_flight 1
/// ```
struct RequestMetrics: Sendable {
    /// Every metric of the checkout, and their text for `GET /metrics`.
    let registry = MetricsRegistry()

    // TODO(learner): keep the three metrics in properties:
    //   http_requests_total            a Counter,   labels method, route, status
    //   http_request_duration_seconds  a Histogram, label route, Histogram.defaultBuckets
    //   http_requests_in_flight        a Gauge, no labels

    /// Registers the three metrics; a name BackendKit refuses stops the start (main.swift).
    init() throws {
        // TODO(learner): register them with registry.counter(…), registry.histogram(…) and
        // registry.gauge(…), each with a help text.
    }

    /// The middleware and `GET /metrics`; main.swift registers it right after `AccessLog`.
    func register(on router: Router) {
        router.use { request, next in try await handle(request, next) }
        // TODO(learner): GET /metrics answers registry.response().
    }

    func handle(_ request: Request, _ next: Handler) async throws -> Response {
        // TODO(learner): for every request, whatever next(request) does (an answer, an HTTPError,
        // another error), count it under its method, route template and status, observe how long
        // it took, and keep http_requests_in_flight up to date.
        try await next(request)
    }
}
