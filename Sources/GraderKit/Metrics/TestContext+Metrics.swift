import Foundation

extension ClientResponse {
    /// The body as a strictly parsed Prometheus exposition; fails the check naming the line and
    /// what is wrong, or a wrong `Content-Type`.
    public func prometheusMetrics() throws -> MetricsScrape {
        try expectContentType("text/plain", hint: "Prometheus reads text/plain; version=0.0.4.")
        do {
            return try MetricsScrape(parsing: text)
        } catch {
            throw failure("the metrics are not valid Prometheus text format 0.0.4: \(error)")
        }
    }
}

extension TestContext {
    /// `GET path` (default `/metrics`) answered 200 and parsed strictly.
    public func scrapeMetrics(_ path: String = "/metrics") throws -> MetricsScrape {
        try http.get(path, headers: ["Accept": "text/plain"]).expectStatus(200).prometheusMetrics()
    }
}
