/// One SQL statement the learner's server ran, from BackendKit's statement log.
public struct LoggedStatement: Sendable, Equatable {
    public let sql: String
    /// The id of the request whose handler ran it; `nil` outside requests (startup, jobs).
    public let requestID: String?
    /// The background job that ran it, if any.
    public let job: String?
    /// `"connection.serial"` of the transaction it ran in; `nil` outside a transaction.
    public let transaction: String?
    public let succeeded: Bool
    public let processID: Int

    /// Whether it began a transaction.
    public var isBegin: Bool { sql.uppercased().hasPrefix("BEGIN") }
}
