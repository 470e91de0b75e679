#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a server could not start, in words that say what to do about it.
public enum ServerError: Error, CustomStringConvertible, Equatable {
    case portInUse(host: String, port: Int)
    case permissionDenied(host: String, port: Int)
    case unknownHost(String)
    case invalidRoutes([String])
    case alreadyStarted
    case system(String, errno: Int32)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "Port \(port) on \(host) is already in use. Stop the other program using it, or start this one with another PORT (PORT=0 picks a free one)."
        case .permissionDenied(let host, let port):
            "Not allowed to listen on \(host):\(port). Ports below 1024 need special rights; use a port such as 8080."
        case .unknownHost(let host):
            "HOST=\(host) is not an address this machine can listen on. Use 127.0.0.1 (only this machine) or 0.0.0.0 (every network)."
        case .invalidRoutes(let problems):
            "The routes have mistakes:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .alreadyStarted:
            "This server is already running; create a new Server to run another."
        case .system(let call, let code):
            "\(call) failed: \(String(cString: strerror(code))) (errno \(code))."
        }
    }
}
