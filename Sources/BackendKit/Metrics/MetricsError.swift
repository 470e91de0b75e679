/// Why a metric cannot be registered; raised at startup, where the mistake is cheap to fix.
public enum MetricsError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case invalidLabelName(metric: String, label: String)
    case duplicateLabelName(metric: String, label: String)
    case duplicateName(String)
    case invalidBuckets(metric: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            "The metric name \"\(name)\" is not allowed: use letters, digits, _ and :, not starting with a digit (http_requests_total)."
        case .invalidLabelName(let metric, let label):
            "The label \"\(label)\" of metric \(metric) is not allowed: use letters, digits and _, not starting with a digit or __ (and not \"le\" on a histogram)."
        case .duplicateLabelName(let metric, let label):
            "The metric \(metric) lists the label \"\(label)\" twice."
        case .duplicateName(let name):
            "A metric named \(name) is already registered (a histogram also owns its _bucket, _sum and _count names)."
        case .invalidBuckets(let metric, let reason):
            "The buckets of histogram \(metric) are not usable: \(reason)."
        }
    }
}
