import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few socket calls the server needs, with errors turned into `ServerError`s.
enum Socket {
    /// Opens a non-blocking, close-on-exec listening socket; returns it and the port it got.
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws -> (fd: Int32, port: Int) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let lookupHost = host == "localhost" ? "127.0.0.1" : host
        guard getaddrinfo(lookupHost, String(port), &hints, &result) == 0, let info = result else {
            throw ServerError.unknownHost(host)
        }
        defer { freeaddrinfo(result) }

        #if os(Linux)
            let fd = socket(
                info.pointee.ai_family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        #else
            let fd = socket(info.pointee.ai_family, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError.system("socket", errno: cshim_errno()) }
        #if !os(Linux)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        #endif
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let code = cshim_errno()
            close(fd)
            switch code {
            case EADDRINUSE: throw ServerError.portInUse(host: host, port: port)
            case EACCES: throw ServerError.permissionDenied(host: host, port: port)
            case EADDRNOTAVAIL: throw ServerError.unknownHost(host)
            default: throw ServerError.system("bind", errno: code)
            }
        }
        guard Glibc_listen(fd, backlog) == 0 else {
            let code = cshim_errno()
            close(fd)
            throw ServerError.system("listen", errno: code)
        }
        return (fd, try boundPort(fd))
    }

    private static func boundPort(_ fd: Int32) throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { throw ServerError.system("getsockname", errno: cshim_errno()) }
        if Int32(storage.ss_family) == AF_INET6 {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
    }

    /// Disables Nagle's algorithm: responses are written whole, so waiting to coalesce only adds latency.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// `send` without SIGPIPE. Returns bytes written, 0 when the socket would block, -1 on a real error.
    static func send(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if os(Linux)
            let written = Glibc.send(fd, pointer, count, Int32(MSG_NOSIGNAL))
        #else
            let written = Darwin.send(fd, pointer, count, 0)
        #endif
        if written >= 0 { return written }
        let code = cshim_errno()
        return code == EAGAIN || code == EWOULDBLOCK || code == EINTR ? 0 : -1
    }
}

private func Glibc_listen(_ fd: Int32, _ backlog: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.listen(fd, backlog)
    #else
        Darwin.listen(fd, backlog)
    #endif
}
