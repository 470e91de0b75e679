import BackendKit
import Foundation

/// Why a delivery to `POST /webhooks/payments` was refused. `PaymentWebhookRoutes` answers each
/// with its status and logs the reason; none of them changes anything.
enum WebhookRefusal: Error, Equatable, CustomStringConvertible {
    /// No `Gateway-Signature` header at all: 400.
    case missingHeader
    /// A header that is not `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: 400.
    case malformedHeader
    /// No v1 in the header is the HMAC of these bytes under any current secret: 401.
    case noMatchingSignature
    /// Signed further than `WebhookSignature.tolerance` from the server's clock: 401.
    case outsideTolerance

    var description: String {
        switch self {
        case .missingHeader: "The delivery has no \(WebhookSignature.headerName) header."
        case .malformedHeader:
            "The \(WebhookSignature.headerName) header must be t=<unix seconds>,v1=<hex HMAC-SHA256>."
        case .noMatchingSignature: "No v1 signature in \(WebhookSignature.headerName) matches this body."
        case .outsideTolerance: "The delivery was signed more than 5 minutes away from the server's time."
        }
    }

    var httpError: HTTPError {
        switch self {
        case .missingHeader, .malformedHeader: HTTPError.badRequest(description)
        case .noMatchingSignature, .outsideTolerance:
            // A 401 names the way to authenticate (RFC 9110 §15.5.2): here, the gateway's signature.
            HTTPError(
                .unauthorized, detail: description, headers: ["WWW-Authenticate": WebhookSignature.headerName]
            )
        }
    }
}
