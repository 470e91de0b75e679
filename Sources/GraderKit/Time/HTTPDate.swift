import Foundation

/// IMF-fixdate (RFC 9110 §5.6.7), the format of the `Date` header.
enum HTTPDate {
    private static let formatter: DateFormatter = {  // used under `lock` only
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = NSLock()  // DateFormatter is not thread-safe

    static func parse(_ text: String) -> Date? { lock.withLock { formatter.date(from: text) } }

    static func format(_ date: Date) -> String { lock.withLock { formatter.string(from: date) } }
}
