/// The first thing a failing check said, kept in progress so the progress page can show the latest
/// failure without running anything.
public struct FailureNote: Codable, Sendable, Equatable {
    /// The failing check's name, or nil when no check ran (the code did not build, the server did
    /// not start).
    public var check: String?
    /// What went wrong, shortened to `FailureNote.messageLimit` characters.
    public var message: String

    /// Enough for a compiler error or a check's explanation, small enough for progress.json.
    public static let messageLimit = 2_000

    public init(check: String?, message: String) {
        self.check = check
        self.message =
            message.count > Self.messageLimit
            ? String(message.prefix(Self.messageLimit)) + "…" : message
    }
}
