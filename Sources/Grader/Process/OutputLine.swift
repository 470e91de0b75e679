/// One complete line a child printed, handed to the `onLine` observer of `ChildProcess` as it arrives.
public struct OutputLine: Sendable, Equatable {
    /// Which pipe the line came from.
    public enum Stream: Sendable, Equatable {
        case standardOutput
        /// Only reported when standard error is captured separately (see `ChildProcess.StandardError`).
        case standardError
    }

    public var stream: Stream
    /// The line without its trailing `\n` (a `\r` before it is kept; callers decide).
    public var text: String

    public init(stream: Stream, text: String) {
        self.stream = stream
        self.text = text
    }
}
