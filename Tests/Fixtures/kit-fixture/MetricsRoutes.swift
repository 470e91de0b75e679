import BackendKit
import Foundation

/// Request metrics for /metrics: a counter by method and status, a duration histogram and a
/// gauge of requests in progress, recorded by one middleware.
enum MetricsRoutes {
    static func register(_ router: Router, _ kit: Kit) throws {
        let metrics = MetricsRegistry()
        let requests = try metrics.counter(
            "http_requests_total", help: "Requests answered.", labels: ["method", "status"])
        let duration = try metrics.histogram(
            "http_request_duration_seconds", help: "Time to answer a request.",
            buckets: [0.001, 0.01, 0.1, 1])
        let inFlight = try metrics.gauge("http_requests_in_flight", help: "Requests being answered.")
        let info = try metrics.gauge(
            "kit_info", help: "The fixture's variant\nand build.", labels: ["variant"])
        info.set(1, labels: ["\"\(kit.variant.rawValue)\" \\ build"])
        router.use { request, next in
            inFlight.increment()
            defer { inFlight.decrement() }
            let started = ContinuousClock.now
            let response: Response
            do {
                response = try await next(request)
            } catch let error as HTTPError {
                requests.increment(labels: [request.method.rawValue, String(error.status.code)])
                throw error
            }
            duration.observe(ContinuousClock.now - started)
            requests.increment(labels: [request.method.rawValue, String(response.status.code)])
            return response
        }
        router.get("/metrics") { _ in
            guard kit.variant == .badMetrics else { return metrics.response() }
            return Response(
                status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"],
                body: Data("# TYPE kit_info gauge\nkit_info{variant=\"\"bad\"\"} 1\n".utf8))
        }
    }
}
