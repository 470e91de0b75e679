import BackendKit
import Foundation

/// The payment gateway's webhook signatures, the way Stripe signs its own: the header
/// `Gateway-Signature: t=1796150480,v1=5257a869…` carries when the delivery was signed and one or
/// more HMAC-SHA256 codes, in hex, of the bytes `"<t>.<raw body>"`.
enum WebhookSignature {
    static let headerName = "Gateway-Signature"
    /// How far the signing time may be from the server's clock, either way: a delivery can be a
    /// little late and two clocks are never equal, but an old delivery sent again is a replay.
    static let tolerance: TimeInterval = 5 * 60
    /// A real header is about 150 bytes, or 220 while two secrets are in use.
    static let maximumHeaderBytes = 1024

    /// A `Gateway-Signature` header, read: when it was signed and the signatures it carries.
    struct Header: Equatable, Sendable {
        var timestamp: Int
        var signatures: [String]
    }

    /// Reads `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; `nil` when it is not of that form.
    static func parse(_ value: String) -> Header? {
        guard value.utf8.count <= maximumHeaderBytes else { return nil }
        var timestamp: Int?
        var signatures: [String] = []
        for element in value.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = element.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return nil }
            let key = pair[0].trimmingCharacters(in: .whitespaces)
            let text = pair[1].trimmingCharacters(in: .whitespaces)
            switch key {
            case "t":
                guard timestamp == nil, (1...12).contains(text.utf8.count),
                    text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
                else { return nil }
                timestamp = Int(text)
            case "v1":
                signatures.append(text)
            default:
                continue  // another scheme (v0, a future v2): not ours to judge
            }
        }
        guard let timestamp, !signatures.isEmpty else { return nil }
        return Header(timestamp: timestamp, signatures: signatures)
    }

    /// Returns when `header` proves that the gateway signed exactly `body`, recently; throws the
    /// `WebhookRefusal` that says why not otherwise.
    static func verify(_ header: String?, body: Data, secrets: [[UInt8]], now: Date) throws {
        guard let header else { throw WebhookRefusal.missingHeader }
        guard let parsed = parse(header) else { throw WebhookRefusal.malformedHeader }
        // The raw bytes as they arrived: the same event written with other spaces or another key
        // order is other bytes, and has another signature.
        let signedPayload = Array("\(parsed.timestamp).".utf8) + Array(body)
        let given = parsed.signatures.compactMap(Hex.decode)
        let matches = secrets.contains { secret in
            let expected = HMACSHA256.authenticationCode(for: signedPayload, key: secret)
            return given.contains { constantTimeEquals($0, expected) }
        }
        guard matches else { throw WebhookRefusal.noMatchingSignature }
        let age = now.timeIntervalSince1970 - TimeInterval(parsed.timestamp)
        guard abs(age) <= tolerance else { throw WebhookRefusal.outsideTolerance }
    }
}
