import BackendKit
import CSystemShims
import Foundation
import Grader

#if canImport(Glibc)
    import Glibc
#endif

struct ParsedResponse {
    var status: Int
    var reason: String
    var headers: HTTPHeaders
    var body: Data
}

/// Socket work for the grader's client: connect, send, and read one response within a deadline,
/// turning every way it can go wrong into a sentence a learner understands.
enum RawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String

        /// The server closed the connection before a whole response arrived.
        static func closedEarly(after received: Int) -> Failure {
            Failure(
                description: received == 0
                    ? Words(
                        "no response: your server closed the connection without answering.",
                        id: "tidak ada response: server kamu menutup koneksi tanpa menjawab."
                    ).text
                    : Words(
                        "the response ended early: your server closed the connection after \(received) bytes.",
                        id: "response-nya berhenti di tengah jalan: server kamu menutup koneksi setelah "
                            + "\(received) byte."
                    ).text)
        }
    }

    static let maxHeadBytes = 64 * 1024
    static let maxBodyBytes = 8 * 1024 * 1024

    static func exchange(_ bytes: [UInt8], port: Int, timeout: Duration, isHead: Bool) throws
        -> ParsedResponse
    {
        let deadline = ContinuousClock.now + timeout
        let fd = try connect(port: port)
        defer { close(fd) }
        try send(fd, bytes, deadline: deadline, timeout: timeout)
        var reader = ResponseReader(isHead: isHead)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = try reader.response() { return response }
            let count = try receive(
                fd, into: &buffer, deadline: deadline, timeout: timeout, received: reader.receivedCount)
            if count == 0 {
                if let response = try reader.finishAtClose() { return response }
                throw Failure.closedEarly(after: reader.receivedCount)
            }
            try reader.append(buffer[0..<count])
        }
    }

    /// Reads one response from a connection the caller opened and wrote to.
    static func read(from fd: Int32, deadline: ContinuousClock.Instant, timeout: Duration, isHead: Bool)
        throws
        -> ParsedResponse
    {
        var reader = ResponseReader(isHead: isHead)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = try reader.response() { return response }
            let count = try receive(
                fd, into: &buffer, deadline: deadline, timeout: timeout, received: reader.receivedCount)
            if count == 0 {
                if let response = try reader.finishAtClose() { return response }
                throw Failure.closedEarly(after: reader.receivedCount)
            }
            try reader.append(buffer[0..<count])
        }
    }

    static func sendAndCollect(_ bytes: [UInt8], port: Int, quietPeriod: Duration, timeout: Duration) throws
        -> Data
    {
        let deadline = ContinuousClock.now + timeout
        let fd = try connect(port: port)
        defer { close(fd) }
        try send(fd, bytes, deadline: deadline, timeout: timeout)
        var collected = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while collected.count < maxBodyBytes {
            let quietDeadline = min(deadline, ContinuousClock.now + quietPeriod)
            guard wait(fd, events: Int16(POLLIN), until: quietDeadline) else { break }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            collected.append(contentsOf: buffer[0..<count])
        }
        return collected
    }

    private static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Failure(
                description: Words(
                    "could not open a socket (\(reason)).", id: "socket tidak bisa dibuka (\(reason))."
                ).text)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw Failure(
                description: code == ECONNREFUSED
                    ? Words(
                        "could not connect: nothing is listening on port \(port).",
                        id: "tidak bisa terhubung: tidak ada yang listen di port \(port)."
                    ).text
                    : Words(
                        "could not connect to port \(port) (\(String(cString: strerror(code)))).",
                        id: "tidak bisa terhubung ke port \(port) (\(String(cString: strerror(code))))."
                    ).text)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    private static func send(
        _ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant, timeout: Duration
    ) throws {
        var offset = 0
        while offset < bytes.count {
            guard wait(fd, events: Int16(POLLOUT), until: deadline) else {
                throw Failure(
                    description: Words(
                        "your server did not read the request within \(timeout.spokenSeconds).",
                        id: "server kamu tidak membaca request dalam \(timeout.spokenSeconds)."
                    ).text)
            }
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                // The server may have answered early (a 413) and closed; reading will tell.
                return
            }
            offset += written
        }
    }

    private static func receive(
        _ fd: Int32, into buffer: inout [UInt8], deadline: ContinuousClock.Instant, timeout: Duration,
        received: Int
    ) throws -> Int {
        while true {
            guard wait(fd, events: Int16(POLLIN), until: deadline) else {
                throw Failure(
                    description: received == 0
                        ? Words(
                            "no response within \(timeout.spokenSeconds). Is a handler stuck (an endless loop, "
                                + "or waiting for something that never happens)?",
                            id: "tidak ada response dalam \(timeout.spokenSeconds). Apakah ada handler yang "
                                + "macet (loop tanpa akhir, atau menunggu sesuatu yang tidak pernah terjadi)?"
                        ).text
                        : Words(
                            "the response was not finished within \(timeout.spokenSeconds) (\(received) bytes "
                                + "arrived). Does Content-Length match the body?",
                            id: "response-nya belum selesai dalam \(timeout.spokenSeconds) (baru \(received) "
                                + "byte yang datang). Apakah Content-Length cocok dengan body-nya?"
                        ).text
                )
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == ECONNRESET {
                throw Failure(
                    description: received == 0
                        ? Words(
                            "the connection was reset: your server closed it abruptly without answering.",
                            id: "koneksinya di-reset: server kamu menutupnya tiba-tiba tanpa menjawab."
                        ).text
                        : Words(
                            "the connection was reset in the middle of the response.",
                            id: "koneksinya di-reset di tengah response."
                        ).text)
            }
            let reason = String(cString: strerror(errno))
            throw Failure(
                description: Words(
                    "reading the response failed (\(reason)).", id: "gagal membaca response (\(reason))."
                ).text)
        }
    }

    /// Waits until the socket is ready or the deadline passes.
    private static func wait(_ fd: Int32, events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let milliseconds = Int32(min(Double(Int32.max), max(1, remaining / .milliseconds(1))))
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }  // let the read or write report the error
        }
    }
}
