import Foundation

/// How a server listens, what it accepts, and how long it waits.
///
/// `fromEnvironment()` implements BackendKit's startup contract: `PORT` (0 = any free port, the
/// default), `HOST` (default 127.0.0.1, so a learner's server is never reachable from the network by
/// accident), `LOG_LEVEL` and `LOG_FORMAT`. Every limit has a safe default; tests lower them.
public struct ServerConfiguration: Sendable {
    /// Sizes the server refuses to exceed, each answered with its own status code.
    public struct Limits: Sendable {
        /// The request line (`GET /path HTTP/1.1`); longer is answered 414 URI Too Long.
        public var maxRequestLineLength = 8 * 1024
        /// The whole header section; larger is answered 431 Request Header Fields Too Large.
        public var maxHeaderBytes = 16 * 1024
        /// The number of header fields; more is answered 431.
        public var maxHeaderCount = 100
        /// The request body, declared or chunked; larger is answered 413 Content Too Large.
        public var maxBodyBytes = 1024 * 1024
        /// Open connections; further clients are closed at once.
        public var maxConnections = 4096

        public init() {}
    }

    /// How long the server waits before giving up on a client or on itself.
    public struct Timeouts: Sendable {
        /// A client that has started a request must finish it within this time, or get 408.
        public var requestRead: Duration = .seconds(10)
        /// A keep-alive connection with no request in progress is closed after this time.
        public var idleConnection: Duration = .seconds(60)
        /// On SIGTERM/SIGINT, requests still running after this time are abandoned and the process exits.
        public var shutdownGrace: Duration = .seconds(10)
        /// A client that does not read our response for this long is disconnected.
        public var write: Duration = .seconds(30)
        /// How long each `beforeExit` hook may run at shutdown before it is abandoned.
        public var beforeExit: Duration = .seconds(10)

        public init() {}
    }

    public var host: String = "127.0.0.1"
    public var port: Int = 0
    /// Event-loop threads (`BACKENDKIT_THREADS`). The default is one per processor core but one,
    /// leaving a core to everything else on a development machine (the client, the grader, the
    /// editor): on two cores that halves the tail latency under load at equal throughput.
    public var threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
    public var limits = Limits()
    public var timeouts = Timeouts()
    public var logger: Logger = .standard
    /// The clock handlers read through `request.now` and the `Date` header shows: the system clock
    /// (which the grader can move, see `ServerClock.system`) unless a test sets another.
    public var clock: ServerClock = .system

    public init() {}

    /// Errors in the environment a learner or grader set; each says which variable and what it expects.
    public enum EnvironmentError: Error, CustomStringConvertible, Equatable {
        case invalidPort(String)
        case invalidThreads(String)

        public var description: String {
            switch self {
            case .invalidPort(let value):
                "PORT must be a number from 0 to 65535 (0 picks any free port), not \"\(value)\"."
            case .invalidThreads(let value):
                "BACKENDKIT_THREADS must be a number from 1 to 256, not \"\(value)\"."
            }
        }
    }

    /// The configuration the startup contract describes, read from `environment`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> ServerConfiguration
    {
        var configuration = ServerConfiguration()
        if let port = environment["PORT"], !port.isEmpty {
            guard let value = Int(port), (0...65535).contains(value) else {
                throw EnvironmentError.invalidPort(port)
            }
            configuration.port = value
        }
        if let host = environment["HOST"], !host.isEmpty { configuration.host = host }
        if let threads = environment["BACKENDKIT_THREADS"], !threads.isEmpty {
            guard let value = Int(threads), (1...256).contains(value) else {
                throw EnvironmentError.invalidThreads(threads)
            }
            configuration.threads = value
        }
        configuration.logger = Logger.fromEnvironment(environment)
        return configuration
    }
}
