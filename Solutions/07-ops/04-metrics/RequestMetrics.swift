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
    /// `http_requests_total{method, route, status}`: requests answered, by route template.
    let requests: Counter
    /// `http_request_duration_seconds{route}`: the time to answer, in seconds.
    let duration: Histogram
    /// `http_requests_in_flight`: requests being answered now, the scrape that reads it included.
    let inFlight: Gauge

    /// Registers the three metrics; a name BackendKit refuses stops the start (main.swift).
    init() throws {
        requests = try registry.counter(
            "http_requests_total", help: "Requests answered, by method, route template and status.",
            labels: ["method", "route", "status"])
        duration = try registry.histogram(
            "http_request_duration_seconds", help: "Time to answer a request, in seconds, by route template.",
            labels: ["route"], buckets: Histogram.defaultBuckets)
        inFlight = try registry.gauge("http_requests_in_flight", help: "Requests being answered now.")
    }

    /// The middleware and `GET /metrics`; main.swift registers it right after `AccessLog`.
    func register(on router: Router) {
        router.use { request, next in try await handle(request, next) }
        router.get("/metrics") { _ in registry.response() }
    }

    func handle(_ request: Request, _ next: Handler) async throws -> Response {
        inFlight.increment()
        defer { inFlight.decrement() }  // on every way out: an answer, a refusal, a failure
        // The template, never the path: /orders/7 and /orders/8 are one series, and a scanner's
        // thousand guesses are one more, "unmatched", instead of a thousand.
        let route = RouteTemplates.template(for: request.path) ?? AccessLog.unmatched
        let started = ContinuousClock.now
        do {
            let response = try await next(request)
            record(request, route: route, status: response.status.code, since: started)
            return response
        } catch let error as HTTPError {
            record(request, route: route, status: error.status.code, since: started)
            throw error
        } catch {
            record(request, route: route, status: 500, since: started)  // BackendKit answers 500
            throw error
        }
    }

    /// One request in both metrics, so the histogram's `_count` of a route always equals the sum
    /// of its counters.
    private func record(
        _ request: Request, route: String, status: Int, since started: ContinuousClock.Instant
    ) {
        duration.observe(ContinuousClock.now - started, labels: [route])  // a Duration: seconds
        requests.increment(labels: [request.method.rawValue, route, String(status)])
    }
}
