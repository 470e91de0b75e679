import BackendKit
import Foundation

/// `GET /reports/daily?date=2026-12-01`: how many orders the shop took on that day, and their
/// total. The owner reads it every evening, and the accountant adds the days up.
struct DailyReport: Sendable {
    let database: Database
    let settings: ShopSettings

    func register(on router: Router) {
        router.get("/reports/daily") { request in try daily(request) }
    }

    struct Day: Encodable, Sendable {
        var date: String
        var timeZone: String
        var orders: Int
        var total: Int

        enum CodingKeys: String, CodingKey {
            case date, orders, total
            case timeZone = "time_zone"
        }
    }

    func daily(_ request: Request) throws -> Response {
        guard let date = request.query["date"], let (year, month, day) = Self.parse(date) else {
            throw HTTPError.validation([
                (field: "date", message: "Give the day as YYYY-MM-DD, for example 2026-12-01.")
            ])
        }
        // A day starts at midnight in the shop's own time zone, not in the zone the server happens
        // to run in (a cloud server's is often UTC, or wherever the data centre is).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else {
            throw HTTPError.validation([(field: "date", message: "There is no such day.")])
        }
        // Stored times are ISO 8601 in UTC, which compare correctly as text.
        let row = try database.queryOne(
            "SELECT count(*) AS orders, coalesce(sum(total), 0) AS total FROM orders WHERE created_at >= ? AND created_at < ?",
            start.formatted(.iso8601), end.formatted(.iso8601))
        return try .json(
            Day(
                date: date, timeZone: settings.timeZone.identifier, orders: try row?.int("orders") ?? 0,
                total: try row?.int("total") ?? 0))
    }

    /// `2026-12-01` → (2026, 12, 1); `nil` for anything else.
    static func parse(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }
}
