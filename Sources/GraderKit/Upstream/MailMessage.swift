import BackendKit
import Foundation

/// One e-mail the fake mail service accepted.
public struct MailMessage: Sendable, Equatable {
    public let from: String
    public let to: [String]
    public let subject: String
    public let text: String
    public let receivedAt: Date
    /// The id the service answered with (`msg-1`, `msg-2`…).
    public let id: String
    /// The send's `Idempotency-Key` header, nil when it had none.
    public let idempotencyKey: String?
}
