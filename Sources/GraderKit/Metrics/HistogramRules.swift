import Grader

/// The rules of a histogram's samples: per label set, buckets with an `le` label that grow with
/// `le`, a `+Inf` bucket, and `_count` equal to it.
enum HistogramRules {
    static func check(_ scrape: MetricsScrape) throws(MetricsScrape.Problem) {
        for (name, type) in scrape.types where type == "histogram" {
            var groups: [[String: String]: [(le: Double, count: Double, line: Int)]] = [:]
            for sample in scrape.samples(named: name + "_bucket") {
                guard let text = sample.labels["le"],
                    let bound = text == "+Inf" ? Double.infinity : Double(text)
                else {
                    throw MetricsScrape.Problem(
                        line: sample.line,
                        message: Words(
                            "a bucket of \(name) has no numeric le label",
                            id: "ada bucket \(name) yang tidak punya label le berupa angka"
                        ).text)
                }
                var rest = sample.labels
                rest["le"] = nil
                groups[rest, default: []].append((bound, sample.value, sample.line))
            }
            for (labels, buckets) in groups {
                let described = labels.isEmpty ? name : "\(name)\(labels.sorted { $0.key < $1.key })"
                guard zip(buckets, buckets.dropFirst()).allSatisfy({ $0.le < $1.le }) else {
                    throw MetricsScrape.Problem(
                        line: buckets[0].line,
                        message: Words(
                            "the buckets of \(described) are not in increasing le order",
                            id: "bucket \(described) tidak berurutan naik menurut le"
                        ).text)
                }
                if let drop = zip(buckets, buckets.dropFirst()).first(where: { $1.count < $0.count }) {
                    throw MetricsScrape.Problem(
                        line: drop.1.line,
                        message: Words(
                            "the buckets of \(described) must be cumulative: le=\"\(shown(drop.1.le))\" counts fewer "
                                + "than le=\"\(shown(drop.0.le))\"",
                            id:
                                "bucket \(described) harus kumulatif: le=\"\(shown(drop.1.le))\" menghitung lebih sedikit "
                                + "daripada le=\"\(shown(drop.0.le))\""
                        ).text)
                }
                guard let last = buckets.last, last.le == .infinity else {
                    throw MetricsScrape.Problem(
                        line: buckets.last?.line ?? 0,
                        message: Words(
                            "\(described) has no le=\"+Inf\" bucket",
                            id: "\(described) tidak punya bucket le=\"+Inf\""
                        ).text)
                }
                guard let count = scrape.value(name + "_count", labels) else {
                    throw MetricsScrape.Problem(
                        line: last.line,
                        message: Words(
                            "\(described) has no \(name)_count sample",
                            id: "\(described) tidak punya sample \(name)_count"
                        ).text)
                }
                guard count == last.count else {
                    throw MetricsScrape.Problem(
                        line: last.line,
                        message: Words(
                            "\(described): the +Inf bucket (\(shown(last.count))) differs from \(name)_count (\(shown(count)))",
                            id:
                                "\(described): bucket +Inf (\(shown(last.count))) berbeda dari \(name)_count (\(shown(count)))"
                        ).text)
                }
                guard scrape.value(name + "_sum", labels) != nil else {
                    throw MetricsScrape.Problem(
                        line: last.line,
                        message: Words(
                            "\(described) has no \(name)_sum sample",
                            id: "\(described) tidak punya sample \(name)_sum"
                        ).text)
                }
            }
        }
    }

    /// A bound or count as the exposition writes it: `+Inf`, `1`, `0.25`.
    private static func shown(_ value: Double) -> String {
        if value == .infinity { return "+Inf" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
