#if os(Linux)
    import Glibc

    /// A deliberately small HTTP/1.1 server on a raw socket: one connection at a time, one request per
    /// connection, `Connection: close`. Enough to look like a learner's server to the grader.
    struct FixtureServer {
        /// How the server treats each request.
        enum Behaviour {
            /// `GET /hello` → 200 `hello`; anything else → 404.
            case hello
            /// Accept and keep the connection open without a word.
            case hang
            /// Half a response, then `abort()`.
            case crash
            /// Random bytes that are not HTTP, then close.
            case garbage
            /// `GET /hello` → 200 `hello`; `GET /leak` → 200, leaving a file open for good.
            case leak
            /// `GET /hello` → 200 `hello`; anything else force-unwraps nil.
            case trap
        }

        let socket: Int32

        /// Binds `HOST`:`PORT` from the environment (defaults 127.0.0.1 and 0), listens, and prints the
        /// contract's listening line with the port `announcing` picks (the real one by default).
        static func listen(announcing: (UInt16) -> UInt16 = { $0 }) -> FixtureServer {
            let port = getenv("PORT").flatMap { UInt16(String(cString: $0)) } ?? 0
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { fail("socket") }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(fd, generic, length) == 0 && Glibc.listen(fd, 64) == 0
                        && getsockname(fd, generic, &length) == 0
                }
            }
            guard bound else { fail("bind/listen") }
            writeLine(
                "Listening on http://127.0.0.1:\(announcing(UInt16(bigEndian: address.sin_port)))", to: 1)
            return FixtureServer(socket: fd)
        }

        /// A free port that stays bound (never listening) while this process lives.
        static func reservePort() -> UInt16 {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
                }
            }
            guard fd >= 0, bound else { fail("reserve a port") }
            return UInt16(bigEndian: address.sin_port)
        }

        func serve(_ behaviour: Behaviour) -> Never {
            var held: [Int32] = []
            while true {
                let connection = accept(socket, nil, nil)
                if connection < 0 {
                    if errno == EMFILE || errno == ENFILE { usleep(10_000) }  // no spinning on a full table
                    continue
                }
                if behaviour != .hang, readRequestHead(connection, peekOnly: true).isEmpty {
                    close(connection)  // a readiness probe: connected, sent nothing, closed
                    continue
                }
                switch behaviour {
                case .hang:
                    held.append(connection)
                case .hello:
                    let request = readRequestHead(connection)
                    let isHello = request.hasPrefix("GET /hello ")
                    respond(
                        connection, status: isHello ? "200 OK" : "404 Not Found",
                        body: isHello ? "hello" : "not found")
                    close(connection)
                case .crash:
                    _ = readRequestHead(connection)
                    writeAll(
                        Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf of the bo".utf8),
                        to: connection
                    )
                    writeLine("grader-fixture: crashing in the middle of a response", to: 2)
                    abort()
                case .trap:
                    let request = readRequestHead(connection)
                    guard request.hasPrefix("GET /hello ") else {
                        writeLine("grader-fixture: looking up book 5", to: 2)
                        respond(connection, status: "200 OK", body: Shelf.title(of: 5))
                        continue
                    }
                    respond(connection, status: "200 OK", body: "hello")
                    close(connection)
                case .leak:
                    let request = readRequestHead(connection)
                    if request.hasPrefix("GET /leak ") { _ = open("/dev/null", O_RDONLY) }
                    respond(connection, status: "200 OK", body: "hello")
                    close(connection)
                case .garbage:
                    _ = readRequestHead(connection)
                    var noise = (0..<256).map { _ in UInt8.random(in: 0...255) }
                    noise[0] = 0  // never starts like "HTTP/"
                    writeAll(noise, to: connection)
                    close(connection)
                }
            }
        }

        /// Reads until the blank line that ends the request head (or 8 KiB, or end of stream). With
        /// `peekOnly`, waits for the first bytes and leaves them unread (empty: the client left).
        private func readRequestHead(_ connection: Int32, peekOnly: Bool = false) -> String {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while received.count < 8192 {
                let count = buffer.withUnsafeMutableBytes {
                    peekOnly
                        ? recv(connection, $0.baseAddress, 1, Int32(MSG_PEEK))
                        : read(connection, $0.baseAddress, $0.count)
                }
                if peekOnly { return count > 0 ? "x" : "" }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
                if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
            }
            return String(decoding: received, as: UTF8.self)
        }

        private func respond(_ connection: Int32, status: String, body: String) {
            let head =
                "HTTP/1.1 \(status)\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n"
            writeAll(Array((head + body).utf8), to: connection)
        }
    }

    func fail(_ what: String) -> Never {
        writeLine("grader-fixture: \(what) failed (errno \(errno))", to: 2)
        exit(70)
    }
#endif
