/// The other end of a client's TCP connection, as the operating system reported it at `accept`.
///
/// Unlike `X-Forwarded-For` or `Forwarded`, which any client can write, this is where the bytes
/// really came from. Behind a reverse proxy it is the proxy's address: trust forwarding headers
/// only when `peer` is a proxy you run.
public struct PeerAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The numeric address: `127.0.0.1`, or `::1` for IPv6.
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:54321`, or `[::1]:54321` for IPv6.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether the connection came from this machine (127.0.0.0/8 or ::1).
    public var isLoopback: Bool {
        host.hasPrefix("127.") || host == "::1" || host.hasPrefix("::ffff:127.")
    }
}
