import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Debugging module's hidden tests.
enum Warung {
    /// An order of 2 Nasi goreng (25,000 each) and 1 Es teh manis (5,000): Rp 55,000.
    static let sampleOrder: JSONValue = [
        "customer": "Ayu", "items": [["product_id": 1, "quantity": 2], ["product_id": 3, "quantity": 1]],
    ]
    static let sampleTotal = 55_000

    /// `sampleOrder` with these fields changed.
    static func order(note: String? = nil, customer: String = "Ayu") -> JSONValue {
        var body: [String: JSONValue] = [
            "customer": .string(customer),
            "items": [["product_id": 1, "quantity": 1]],
        ]
        if let note { body["note"] = .string(note) }
        return .object(body)
    }

    /// What the server logged while `body` ran: the new part of its output, one entry per line.
    /// Lines are split at CR as well as LF, as a terminal shows them.
    static func logged(_ t: TestContext, during body: () throws -> Void) throws -> [String] {
        _ = try t.http.get("/health")  // starts the server, so its start-up lines are not counted
        let before = t.serverOutput
        try body()
        let after = t.serverOutput
        let new = after.hasPrefix(before) ? String(after.dropFirst(before.count)) : after
        return new.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    }

    /// The lines among `lines` that the app logged itself, not BackendKit's access line
    /// (`… INFO    POST /orders 201 0.4ms request_id=…`).
    static func appLines(_ lines: [String]) -> [String] {
        lines.filter { line in
            !line.trimmingCharacters(in: .whitespaces).isEmpty
                && line.range(
                    of: #"INFO +(GET|POST|PUT|PATCH|DELETE|HEAD) /\S* \d{3} "#, options: .regularExpression)
                    == nil
        }
    }
}
