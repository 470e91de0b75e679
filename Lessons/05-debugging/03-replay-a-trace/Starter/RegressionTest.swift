import BackendKit
import Foundation

/// The regression test for the stock report: it sends the server at `baseURL` what the trace
/// recorded and says whether the bug shows. Run it against a server, for example
/// `swift run --package-path workspace debug03-replay-a-trace --regression-test http://127.0.0.1:8080`:
/// main.swift exits 0 when it passed, 1 when it failed, 2 when it could not run.
///
/// A good regression test fails on the code with the bug and passes on the fixed code, on any
/// database: read what you compare before you change it, instead of expecting the numbers of a
/// new shop.
enum RegressionTest {
    enum Outcome: Equatable {
        case passed
        case failed(String)
        case notWritten
    }

    static func run(against baseURL: String) async throws -> Outcome {
        let client = try OutboundClient(baseURL: baseURL)
        _ = client
        // Your test goes here: the requests of trace.jsonl, then what must hold afterwards.
        return .notWritten
    }
}
