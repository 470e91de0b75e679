import BackendKit
import Foundation

/// The shipping company's rate API, at the URL in SHIPPING_URL: `GET /rates?postcode=40115&value=55000`
/// answers `{"service": "REG", "price": 18000, "estimated_days": 2}`.
///
/// The customer is waiting at the checkout while the shop asks, so a call may take at most the
/// budget below, whatever the API does: answer slowly, stop in the middle, or never answer. When it
/// fails, the customer gets a short answer at once (504 or 502) and the log gets the details.
struct ShippingRates: Sendable {
    static let urlVariable = "SHIPPING_URL"

    /// The budget of one quote. The API's documentation says 99.9% of quotes answer within 700 ms.
    /// The read timeout ends a silence; only the total ends an answer that arrives a byte at a time.
    static let timeouts = OutboundClient.Timeouts(
        connect: .milliseconds(500), read: .seconds(1), total: .seconds(2))

    let client: OutboundClient

    /// Reads SHIPPING_URL; throws, naming it, when it is not set, so the server does not start.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        client = try OutboundClient.fromEnvironment(
            Self.urlVariable, timeouts: Self.timeouts, environment: environment)
    }

    /// Asks the API what sending a parcel worth `value` rupiah to `postcode` costs.
    func quote(postcode: String, value: Int, logger: Logger) async throws -> ShippingQuote {
        let answer: OutboundResponse
        do {
            answer = try await client.get("/rates?postcode=\(postcode)&value=\(value)")
        } catch {
            // The whole story goes to the log, for you; the customer gets a status and a sentence.
            logger.warning("shipping quote failed", ["error": .string(error.description)])
            if error.isTimeout {
                throw HTTPError(
                    .gatewayTimeout,
                    detail: "The shipping service did not answer in time. Try again in a moment.")
            }
            throw Self.unavailable
        }
        guard answer.isSuccess, let quote = try? answer.decode(ShippingQuote.self) else {
            logger.warning("shipping quote refused", ["status": .int(answer.status.code)])
            throw Self.unavailable
        }
        return quote
    }

    /// The API answered, but not with a quote: 502, in words that say nothing of the API.
    static let unavailable = HTTPError(
        .badGateway, detail: "The shipping service is not available right now. Try again in a moment.")
}
