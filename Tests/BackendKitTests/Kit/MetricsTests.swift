import Foundation
import Testing

@testable import BackendKit

/// Counters, gauges, histograms and their Prometheus text exposition (format 0.0.4).
@Suite(.timeLimit(.minutes(1)))
struct MetricsTests {
    @Test func exposition_isExactPrometheusText() throws {
        let metrics = MetricsRegistry()
        let requests = try metrics.counter(
            "http_requests_total", help: "Requests \\ answered.\nAll of them.", labels: ["method", "path"])
        let inFlight = try metrics.gauge("in_flight", help: "Now.")
        let duration = try metrics.histogram("duration_seconds", help: "Time.", buckets: [0.1, 1])
        requests.increment(labels: ["GET", "/a\"b\\c\nd"])
        requests.increment(by: 2, labels: ["GET", "/"])
        requests.increment(by: -5, labels: ["GET", "/"])
        inFlight.set(3)
        inFlight.decrement()
        duration.observe(0.05)
        duration.observe(0.1)
        duration.observe(0.5)
        duration.observe(7)
        #expect(
            metrics.exposition() == """
                # HELP http_requests_total Requests \\\\ answered.\\nAll of them.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",path="/"} 2
                http_requests_total{method="GET",path="/a\\"b\\\\c\\nd"} 1
                # HELP in_flight Now.
                # TYPE in_flight gauge
                in_flight 2
                # HELP duration_seconds Time.
                # TYPE duration_seconds histogram
                duration_seconds_bucket{le="0.1"} 2
                duration_seconds_bucket{le="1"} 3
                duration_seconds_bucket{le="+Inf"} 4
                duration_seconds_sum \(PrometheusText.number(0.05 + 0.1 + 0.5 + 7))
                duration_seconds_count 4

                """)
        #expect(requests.value(labels: ["GET", "/"]) == 2)
        #expect(duration.count() == 4)
    }

    @Test func registrationMistakes_areNamed() {
        let metrics = MetricsRegistry()
        #expect(throws: MetricsError.invalidName("2xx")) { try metrics.counter("2xx", help: "") }
        #expect(throws: MetricsError.invalidLabelName(metric: "a", label: "__x")) {
            try metrics.counter("a", help: "", labels: ["__x"])
        }
        #expect(throws: MetricsError.invalidLabelName(metric: "h", label: "le")) {
            try metrics.histogram("h", help: "", labels: ["le"])
        }
        #expect(throws: MetricsError.duplicateLabelName(metric: "a", label: "x")) {
            try metrics.counter("a", help: "", labels: ["x", "x"])
        }
        #expect(
            throws: MetricsError.invalidBuckets(
                metric: "h", reason: "bounds must increase strictly, each different")
        ) {
            try metrics.histogram("h", help: "", buckets: [1, 1])
        }
        #expect(throws: MetricsError.duplicateName("h_count")) {
            _ = try metrics.histogram("h", help: "")
            _ = try metrics.counter("h_count", help: "")
        }
    }

    @Test func wrongLabelCounts_areDropped_andShownAsAComment() throws {
        let metrics = MetricsRegistry()
        let counter = try metrics.counter("c", help: "C.", labels: ["a", "b"])
        counter.increment(labels: ["only one"])
        #expect(
            metrics.exposition()
                == "# HELP c C.\n# TYPE c counter\n# backendkit: c was given 1 label value(s) but has 2 (a, b); those values were dropped.\n"
        )
    }

    @Test func histogram_infBucketEqualsCount_underConcurrentObservations() async throws {
        let metrics = MetricsRegistry()
        let histogram = try metrics.histogram("h", help: "H.", buckets: [0.5])
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { for step in 0..<500 { histogram.observe(Double((index + step) % 2)) } }
            }
            group.addTask {
                for _ in 0..<50 {
                    let text = metrics.exposition()
                    let inf = text.split(separator: "\n").first { $0.hasPrefix("h_bucket{le=\"+Inf\"}") }?
                        .split(separator: " ").last
                    let count = text.split(separator: "\n").first { $0.hasPrefix("h_count") }?.split(
                        separator: " "
                    ).last
                    #expect(inf == count)
                }
            }
        }
        #expect(histogram.count() == 4000)
    }

    @Test func metricsRoute_servesTheExpositionWithItsContentType() async throws {
        let metrics = MetricsRegistry()
        let hits = try metrics.counter("hits_total", help: "Hits.")
        try await withTestServer { router in
            router.get("/hit") { _ in
                hits.increment()
                return .noContent()
            }
            router.get("/metrics") { _ in metrics.response() }
        } _: { port in
            let client = try RawClient(port: port)
            for _ in 0..<2 {
                try client.send("GET /hit HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readResponse()
            }
            try client.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.body == "# HELP hits_total Hits.\n# TYPE hits_total counter\nhits_total 2\n")
        }
    }
}
