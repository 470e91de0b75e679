/// One strict JSON reader (RFC 8259) for everything that reads JSON a person wrote: request bodies in
/// BackendKit, `pack.json` in the runner. It refuses what lenient parsers let through (trailing
/// commas, comments, unknown escapes, leading zeros) and says where it stopped and what it expected.
///
/// A leaf with no dependencies, so the learner's runtime and the runner share it without either
/// knowing the other.
public enum StrictJSON {
    public struct Options: Sendable {
        /// The most nested arrays and objects accepted, so a hostile document cannot exhaust the stack.
        public var maximumDepth: Int
        /// Whether an object may name a member twice (RFC 8259 says names SHOULD be unique; a reader
        /// that keeps the last one silently hides the first).
        public var allowsDuplicateKeys: Bool
        /// Whether a leading UTF-8 byte order mark is skipped, as editors on some systems write one.
        public var skipsByteOrderMark: Bool
        /// How the end of the input is named in messages: "the end of the file", "the end of the body".
        public var endName: String

        public init(
            maximumDepth: Int = 512, allowsDuplicateKeys: Bool = false, skipsByteOrderMark: Bool = true,
            endName: String = "the end of the text"
        ) {
            self.maximumDepth = maximumDepth
            self.allowsDuplicateKeys = allowsDuplicateKeys
            self.skipsByteOrderMark = skipsByteOrderMark
            self.endName = endName
        }
    }

    /// The whole input as one JSON value.
    public static func parse(_ bytes: some Collection<UInt8>, options: Options = Options())
        throws(JSONSyntaxError)
        -> JSONTree
    {
        var reader = JSONReader(Array(bytes), options: options, building: true)
        return try reader.document()
    }

    /// Checks that the input is exactly one JSON value, without building it (for a decoder that
    /// builds its own values afterwards).
    public static func validate(_ bytes: some Collection<UInt8>, options: Options = Options())
        throws(JSONSyntaxError)
    {
        var reader = JSONReader(Array(bytes), options: options, building: false)
        _ = try reader.document()
    }
}

/// Why a JSON document was refused, and where: the byte offset (from 0) and the line and column
/// (from 1; columns count characters).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    /// E.g. `expected ',' or '}', found ']'`.
    public var message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
