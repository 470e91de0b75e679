#if os(Linux)
    import BackendKit
    import Testing

    @testable import GraderKit

    /// The strict Prometheus parser the Ops module grades /metrics with.
    @Suite struct MetricsScrapeTests {
        private func problem(_ text: String) -> String? {
            do {
                _ = try MetricsScrape(parsing: text)
                return nil
            } catch {
                return error.description
            }
        }

        @Test func backendKitsExposition_parses_withEscapesUndone() throws {
            let metrics = MetricsRegistry()
            let counter = try metrics.counter("requests_total", help: "Requests.\nAll.", labels: ["path"])
            let histogram = try metrics.histogram(
                "duration_seconds", help: "Time.", labels: ["path"], buckets: [0.1])
            counter.increment(labels: ["/a\"b\\c\nd"])
            histogram.observe(0.05, labels: ["/"])
            histogram.observe(3, labels: ["/"])
            let scrape = try MetricsScrape(parsing: metrics.exposition())
            #expect(scrape.value("requests_total", ["path": "/a\"b\\c\nd"]) == 1)
            #expect(scrape.help["requests_total"] == "Requests.\nAll.")
            #expect(scrape.types == ["requests_total": "counter", "duration_seconds": "histogram"])
            #expect(scrape.value("duration_seconds_bucket", ["path": "/", "le": "+Inf"]) == 2)
            #expect(scrape.value("duration_seconds_count", ["path": "/"]) == 2)
        }

        @Test func everyRuleBroken_isNamedWithItsLine() {
            #expect(problem("a 1") == "the exposition must end with a line feed")
            #expect(problem("a{x=\"1\"\"} 1\n") == "line 1: labels must be separated by commas")
            #expect(problem("a{x=1} 1\n") == "line 1: the value of label x must follow =\" in double quotes")
            #expect(
                problem("a{x=\"\\t\"} 1\n")
                    == "line 1: \\t is not an escape a label value may use (only \\\\, \\\" and \\n)")
            #expect(problem("a one\n") == "line 1: \"one\" is not a number (use digits, +Inf, -Inf or NaN)")
            #expect(problem("# TYPE a counter\n# TYPE a gauge\n") == "line 2: a second # TYPE for a")
            #expect(
                problem("a 1\n# TYPE a counter\n")
                    == "line 2: # TYPE a comes after samples of a; it must come before them")
            #expect(
                problem("# TYPE a counter\na -1\n")
                    == "line 2: the counter a is -1; counters are never negative")
            #expect(
                problem("a 1\nb 1\na{x=\"2\"} 1\n")
                    == "line 3: samples of a appear in two places; a metric's lines must form one group")
            #expect(problem("a 1\na 2\n") == "line 2: the series a{} appears twice")
            #expect(
                problem("# TYPE a gauges\n")
                    == "line 1: # TYPE a \"gauges\" is not counter, gauge, histogram, summary or untyped")
            let histogram =
                "# TYPE h histogram\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n"
            #expect(
                problem(histogram)
                    == "line 3: the buckets of h must be cumulative: le=\"+Inf\" counts fewer than le=\"1\"")
            let mismatch =
                "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n"
            #expect(problem(mismatch) == "line 3: h: the +Inf bucket (2) differs from h_count (3)")
            #expect(
                problem("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n")
                    == "line 2: h has no le=\"+Inf\" bucket")
            #expect(problem("# HELP a Fine.\n# a plain comment\na 1 1700000000000\n") == nil)
        }
    }
#endif
