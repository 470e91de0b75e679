import BackendKit
import Foundation

/// W3C Trace Context: a caller that traces its requests (a gateway, the shop's mobile app) sends
/// `traceparent: 00-<trace id>-<parent id>-<flags>`. The trace id is added to `request.logger`, so
/// every line a handler logs with it can be found by the id the caller's own logs show.
enum TraceContext {
    /// The header, as https://www.w3.org/TR/trace-context/ names it.
    static let header = "traceparent"

    /// The trace id of a valid `traceparent`: version 00, a 32-hex-digit trace id and a 16-digit
    /// parent id (lowercase, neither all zeros), 2 digits of flags. Anything else is ignored, as the
    /// specification asks: a malformed header must not break the request.
    static func traceID(of value: String) -> String? {
        let parts = value.trimmingCharacters(in: .whitespaces).split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "00", isHex(parts[1], count: 32), isHex(parts[2], count: 16),
            isHex(parts[3], count: 2), parts[1].contains(where: { $0 != "0" }),
            parts[2].contains(where: { $0 != "0" })
        else { return nil }
        return String(parts[1])
    }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.count == count && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// The middleware main.swift installs: every handler after it logs the trace id too.
    static let middleware: Middleware = { request, next in
        guard let value = request.headers[header], let traceID = traceID(of: value) else {
            return try await next(request)
        }
        var traced = request
        traced.logger = request.logger.with("trace_id", .string(traceID))
        return try await next(traced)
    }
}
