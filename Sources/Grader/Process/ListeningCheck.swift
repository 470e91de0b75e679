import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Trusts a listening line only once a connection to its port succeeds: a server that announces a
/// port it does not listen on (0, a constant, the port it asked for instead of the one it got) is
/// named at once, instead of every request failing later.
public enum ListeningCheck {
    /// How long the announced port may take to accept a connection after the line was printed (a
    /// server that prints just before it calls `listen`).
    public static let connectWindow: Duration = .seconds(1)

    /// Checks the line `line` that server `pid` printed. `givenPort` is the port it was told to use
    /// (`nil` for `PORT=0`). Returns `nil` when the announced port accepts connections.
    /// `isAlive` ends the wait early when the server exits meanwhile.
    public static func problem(
        with line: String, pid: Int32, givenPort: Int?, isAlive: () -> Bool = { true }
    ) -> ListeningProblem? {
        guard let announced = ListeningLine.announcedPort(in: line) else { return .notTheContractLine }
        if announced == 0 { return .portZero(actualPorts: ProcFS.listeningPorts(of: pid)) }
        if let givenPort, givenPort != 0, announced != givenPort {
            return .notTheGivenPort(announced: announced, given: givenPort)
        }
        let end = ContinuousClock.now + connectWindow
        while true {
            if canConnect(to: announced) { return nil }
            if ContinuousClock.now >= end || !isAlive() { break }
            usleep(20_000)
        }
        return .nothingListening(port: announced, actualPorts: ProcFS.listeningPorts(of: pid))
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is accepted (it is closed again at once).
    public static func canConnect(to port: Int) -> Bool {
        guard (1...65535).contains(port) else { return false }
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
