#if os(Linux)
    import Foundation

    #if canImport(Glibc)
        import Glibc
    #endif

    /// A bare HTTP/1.1 GET over a raw socket, for checking what a fixture server does on the wire
    /// (including answering nothing, half an answer, or garbage).
    struct RawHTTPProbe {
        struct Result {
            /// Everything received before the connection ended or the timeout passed.
            var bytes: [UInt8]
            /// `true` when the server closed (or reset) the connection; `false` when the timeout passed.
            var closed: Bool

            var text: String { String(decoding: bytes, as: UTF8.self) }
        }

        struct ConnectFailed: Error {}

        static func get(port: Int, path: String, timeout: Duration = .seconds(5)) throws -> Result {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw ConnectFailed() }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else { throw ConnectFailed() }
            let request = Array(
                "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }

            let end = ContinuousClock.now + timeout
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while ContinuousClock.now < end {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let left = ContinuousClock.now.duration(to: end).components
                let remaining = Int32(max(1, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
                guard poll(&poller, 1, remaining) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return Result(bytes: received, closed: true) }
                received.append(contentsOf: buffer[0..<count])
            }
            return Result(bytes: received, closed: false)
        }
    }
#endif
