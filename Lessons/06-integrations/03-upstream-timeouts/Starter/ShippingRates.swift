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
    // TODO(learner): connect within 500 milliseconds, at most 1 second of silence while the answer
    // arrives (read), and 2 seconds for the whole call (total). The defaults are 2 s, 5 s and 10 s:
    // far longer than a customer waits.
    static let timeouts = OutboundClient.Timeouts()

    let client: OutboundClient

    /// Reads SHIPPING_URL; throws, naming it, when it is not set, so the server does not start.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        client = try OutboundClient.fromEnvironment(
            Self.urlVariable, timeouts: Self.timeouts, environment: environment)
    }

    /// Asks the API what sending a parcel worth `value` rupiah to `postcode` costs.
    func quote(postcode: String, value: Int, logger: Logger) async throws -> ShippingQuote {
        // TODO(learner): ONE call, client.get("/rates?postcode=\(postcode)&value=\(value)"), with
        // try await. When it throws an OutboundError, log it (logger.warning) and answer
        // HTTPError(.gatewayTimeout, …) when error.isTimeout, HTTPError(.badGateway, …) otherwise. An
        // answer that is not a success, or that does not decode as a ShippingQuote, is a 502 too. The
        // client's detail is a sentence of your own: never the API's address, its error or its body.
        throw HTTPError(.notImplemented, detail: "TODO: ask the shipping API in ShippingRates.swift.")
    }
}
