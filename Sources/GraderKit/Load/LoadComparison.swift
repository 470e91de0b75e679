import Foundation
import Grader

/// The learner's server and the reference solution under the same load in the same run, so a
/// slow laptop grades the same as a fast one: checks compare ratios, never milliseconds.
public struct LoadComparison: Sendable {
    public let learner: LoadResult
    public let reference: LoadResult

    /// The learner's p99 latency over the reference's (both at least 1 µs).
    public var p99Ratio: Double { Self.ratio(learner.latency.p99, reference.latency.p99) }

    /// The learner's median latency over the reference's.
    public var p50Ratio: Double { Self.ratio(learner.latency.p50, reference.latency.p50) }

    /// The learner's p99 over the reference's in each pair of alternating slices, in order.
    public var sliceP99Ratios: [Double] {
        zip(learner.sliceP99s, reference.sliceP99s).map { Self.ratio($0, $1) }
    }

    /// What `expectP99` judges: the median of the slices' ratios. A p99 is decided by its few
    /// slowest requests, so one stall of the machine (another program compiling, a page of memory
    /// swapped in) can double a slice's p99: in one of the learner's slices it would fail a healthy
    /// server, and in one of the reference's it would shrink the overall ratio of a slow one (a
    /// variant 200× slower once passed a 4× check in a whole-pack dev check, most likely that way).
    /// A server that is slow is slow in every slice, and the median sees that whichever slice
    /// stalled.
    public var steadyP99Ratio: Double {
        let slices = sliceP99Ratios.sorted()
        guard !slices.isEmpty else { return p99Ratio }
        let middle = slices.count / 2
        return slices.count % 2 == 1 ? slices[middle] : (slices[middle - 1] + slices[middle]) / 2
    }

    /// Fails unless the learner's p99 is at most `factor` times the reference's, with both
    /// measurements in the message.
    @discardableResult
    public func expectP99(atMost factor: Double, hint: Words? = nil) throws -> LoadComparison {
        guard steadyP99Ratio <= factor else {
            let rate = LoadResult.format(learner.plan.rate)
            let seconds = learner.plan.duration.spokenSeconds
            let (yours, theirs) = (
                LoadResult.milliseconds(learner.latency.p99), LoadResult.milliseconds(reference.latency.p99)
            )
            let ratio = String(format: "%.1f", p99Ratio)
            let (median, allowed) = (String(format: "%.1f", steadyP99Ratio), String(format: "%.1f", factor))
            let slices = sliceP99Ratios.map { String(format: "%.1f×", $0) }.joined(separator: ", ")
            throw CheckFailure(
                Words(
                    "under \(rate) requests per second for \(seconds), your server's 99th-percentile latency was "
                        + "\(yours), \(ratio)× the reference solution's \(theirs) measured in this run; in the "
                        + "alternating slices it was \(slices) (median \(median)×), and the check allows a median "
                        + "of \(allowed)×.\n  Yours:     \(learner.summary)\n  Reference: \(reference.summary)",
                    id:
                        "dengan \(rate) request per detik selama \(seconds), latency persentil ke-99 server kamu "
                        + "\(yours), \(ratio)× dari \(theirs) milik solusi acuan yang diukur di run ini; di "
                        + "potongan-potongan yang bergantian nilainya \(slices) (median \(median)×), dan pengecekan "
                        + "ini mengizinkan median paling banyak \(allowed)×.\n  Punyamu:      \(learner.summary)\n  "
                        + "Solusi acuan: \(reference.summary)"
                ).text,
                hint: hint?.text)
        }
        return self
    }

    /// Fails when the learner's server failed (errors, or requests that could not start) more
    /// than the reference did, beyond a noise allowance of 1% of the requests (at least one): a
    /// busy machine can leave a request without a connection at the end of a slice. Beyond that
    /// allowance, failures of the reference itself mean the check's load is too high.
    @discardableResult
    public func expectNoErrors(hint: Words? = nil) throws -> LoadComparison {
        let allowance = max(1, reference.scheduled / Self.noiseDivisor)
        let referenceFailures = reference.errorCount + reference.couldNotStart
        let learnerFailures = learner.errorCount + learner.couldNotStart
        if referenceFailures > allowance {
            throw CheckFailure(
                Words(
                    "the reference solution itself failed under this load (\(reference.summary)); the check's rate "
                        + "is too high for this machine. This is a problem in the lesson pack, not in your code.",
                    id:
                        "solusi acuannya sendiri gagal dengan beban ini (\(reference.summary)); rate pengecekan ini "
                        + "terlalu tinggi untuk mesin ini. Ini masalah di paket pelajaran, bukan di kodemu."
                ))
        }
        guard learnerFailures <= referenceFailures + allowance else {
            let rate = LoadResult.format(learner.plan.rate)
            throw CheckFailure(
                Words(
                    "under \(rate) requests per second your server failed requests the reference solution "
                        + "answered: \(learner.summary)",
                    id:
                        "dengan \(rate) request per detik, server kamu gagal menjawab request yang bisa dijawab "
                        + "solusi acuan: \(learner.summary)"
                ).text,
                hint: hint?.text)
        }
        return self
    }

    /// ``expectP99(atMost:hint:)`` with an English-only hint (see CheckFailure+EnglishOnly.swift).
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectP99(atMost factor: Double, hint: String?) throws -> LoadComparison {
        try expectP99(atMost: factor, hint: hint.map(Words.init(english:)))
    }

    /// ``expectNoErrors(hint:)`` with an English-only hint.
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectNoErrors(hint: String?) throws -> LoadComparison {
        try expectNoErrors(hint: hint.map(Words.init(english:)))
    }

    /// Failures up to 1 in this many requests count as noise.
    static let noiseDivisor = 100

    static func ratio(_ a: Duration, _ b: Duration) -> Double {
        let floor = 1e-6
        return max(a.timeInterval, floor) / max(b.timeInterval, floor)
    }
}
