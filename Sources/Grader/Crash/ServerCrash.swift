/// Why a learner's server crashed, as Swift's runtime told it: the runtime's message and the first
/// place in the learner's own code that the crashed thread was running.
///
/// A crash prints a page of runtime detail (every thread, registers, the loaded images) in which
/// the two lines a learner needs are hard to find. ``CrashOutputParser`` reads them out; reports show
/// this instead of the page.
public struct ServerCrash: Codable, Sendable, Equatable {
    /// A place in a source file, named by the crash's backtrace.
    public struct Location: Codable, Sendable, Equatable {
        /// The file as a learner finds it: relative to their workspace when it lies inside it,
        /// otherwise the path the compiler recorded.
        public var file: String
        public var line: Int?
        public var column: Int?
        /// The function, as the backtrace names it (`BookStore.find(id:)`).
        public var function: String
        /// The text of that line, trimmed, when the file could be read.
        public var source: String?

        public init(file: String, line: Int?, column: Int? = nil, function: String, source: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.function = function
            self.source = source
        }

        /// `BookStore.swift:25`, or just the file when the backtrace gave no line.
        public var fileAndLine: String { line.map { "\(file):\($0)" } ?? file }
    }

    /// The runtime's message as it printed it, one entry per line, for example
    /// `db02_insert_fetch/BookStore.swift:25: Fatal error: Unexpectedly found nil while unwrapping an
    /// Optional value`. Empty for a crash the runtime had nothing to say about (a bad memory access).
    public var message: [String]
    /// What the processor or the system saw, as the backtracer names it ("Illegal instruction",
    /// "Bad pointer dereference"), when there was a backtrace.
    public var kind: String?
    /// The first frame of the crashed thread that lies in the learner's code, if any does.
    public var location: Location?
    /// `true` when the crashed thread ran the same function over and over: a function or a property
    /// that calls itself without end, until the stack ran out.
    public var endlessRecursion: Bool

    public init(
        message: [String], kind: String? = nil, location: Location? = nil, endlessRecursion: Bool = false
    ) {
        self.message = message
        self.kind = kind
        self.location = location
        self.endlessRecursion = endlessRecursion
    }
}
