import BackendKit
import Foundation

/// `POST /orders/:id/split` with `{"people": 3}`: how much each person at the table pays, in whole
/// rupiah. The counter collects the shares one by one, so they must add up to the order's total.
struct SplitBill: Sendable {
    let database: Database

    static let people = 1...20

    func register(on router: Router) {
        router.post("/orders/:id/split") { request in try split(request) }
    }

    struct Input: Decodable, Sendable {
        var people: Int
    }

    struct Split: Encodable, Sendable {
        var orderID: Int
        var total: Int
        var shares: [Int]

        enum CodingKeys: String, CodingKey {
            case total, shares
            case orderID = "order_id"
        }
    }

    func split(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        try request.requireContentType()
        let input = try request.decode(Input.self)
        guard Self.people.contains(input.people) else {
            throw HTTPError.validation([(field: "people", message: "Split between 1 and 20 people.")])
        }
        guard let total = try database.queryOne("SELECT total FROM orders WHERE id = ?", id)?.int("total")
        else {
            throw HTTPError(.notFound, detail: "There is no order \(id).")
        }
        return try .json(
            Split(orderID: id, total: total, shares: Self.shares(of: total, between: input.people)))
    }

    /// Whole rupiah, never a fraction: everyone pays `total / people` (integer division), and the
    /// remainder, fewer rupiah than people, is one more rupiah each for the first ones. The shares
    /// add up to the total exactly and differ by at most one rupiah. A Double cannot do this: it
    /// rounds every share the same way, so three shares of 10,000 lose a rupiah.
    static func shares(of total: Int, between people: Int) -> [Int] {
        let (base, remainder) = total.quotientAndRemainder(dividingBy: people)
        return (0..<people).map { $0 < remainder ? base + 1 : base }
    }
}
