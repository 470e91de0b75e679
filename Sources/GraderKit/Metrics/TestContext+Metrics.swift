import Foundation
import Grader

extension ClientResponse {
    /// The body as a strictly parsed Prometheus exposition; fails the check naming the line and
    /// what is wrong, or a wrong `Content-Type`.
    public func prometheusMetrics() throws -> MetricsScrape {
        try expectContentType(
            "text/plain",
            hint: Words(
                "Prometheus reads text/plain; version=0.0.4.",
                id: "Prometheus membaca text/plain; version=0.0.4."))
        do {
            return try MetricsScrape(parsing: text)
        } catch {
            throw failure(
                Words(
                    "the metrics are not valid Prometheus text format 0.0.4: \(error)",
                    id: "metrics-nya bukan format teks Prometheus 0.0.4 yang valid: \(error)"
                ))
        }
    }
}

extension TestContext {
    /// `GET path` (default `/metrics`) answered 200 and parsed strictly.
    public func scrapeMetrics(_ path: String = "/metrics") throws -> MetricsScrape {
        try http.get(path, headers: ["Accept": "text/plain"]).expectStatus(200).prometheusMetrics()
    }
}
