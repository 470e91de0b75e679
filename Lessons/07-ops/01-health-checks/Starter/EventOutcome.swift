import BackendKit
import Foundation

/// What processing one verified gateway event did. `PaymentWebhookRoutes` answers each with 200,
/// so the gateway stops sending it.
enum EventOutcome: Equatable, Sendable {
    /// The event was new; its effect and its id are stored. The order as it is now.
    case processed(Order)
    /// An event with this id was processed before: nothing changed.
    case duplicate
    /// A type the shop does not act on. Its id is stored all the same.
    case ignored
}

/// Why a verified event cannot be processed: answered 422, and nothing is stored, so the gateway's
/// next attempt, once the problem is fixed, is processed as new.
enum EventProblem: Error, Equatable {
    case unknownOrder(Int)
    /// The gateway reported another amount than the order's.
    case wrongAmount(expected: Int)
}
