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

    /// Sate ayam, the product of the trace.
    static let product = 2

    static func run(against baseURL: String) async throws -> Outcome {
        let client = try OutboundClient(baseURL: baseURL)
        let before = try await stock(of: product, client)
        // The trace: an order of 2, its cancel, and the app's retry of the cancel.
        let placed = try await client.post(
            "/orders",
            json: [
                "customer": "Trace 7", "items": [["product_id": .number(Double(product)), "quantity": 2]],
            ])
        guard placed.status.code == 201, let id = try placed.json()["id"]?.int else {
            return .failed("placing the order answered \(placed.status.code)")
        }
        for attempt in 1...2 {
            let cancelled = try await client.post("/orders/\(id)/cancel", json: [:])
            guard cancelled.isSuccess || (attempt == 2 && cancelled.status.code == 409) else {
                return .failed("cancel \(attempt) of order \(id) answered \(cancelled.status.code)")
            }
        }
        let after = try await stock(of: product, client)
        guard after == before else {
            return .failed(
                "the stock of product \(product) went from \(before) to \(after) after an order of 2 and its cancel sent twice"
            )
        }
        return .passed
    }

    /// The stock `GET /products` shows for `id`.
    static func stock(of id: Int, _ client: OutboundClient) async throws -> Int {
        let menu = try await client.get("/products").json()
        guard let stock = menu["products"]?.array?.first(where: { $0["id"]?.int == id })?["stock"]?.int else {
            throw RegressionTestError.noStock(product: id)
        }
        return stock
    }
}

enum RegressionTestError: Error, CustomStringConvertible {
    case noStock(product: Int)

    var description: String {
        switch self {
        case .noStock(let product): "GET /products shows no stock for product \(product)"
        }
    }
}
