import Foundation

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP client for tests: sends exact bytes and reads exact bytes, so tests can speak
/// malformed HTTP and observe precisely what the server answers.
final class RawClient {
    let fd: Int32

    init(port: Int, receiveTimeout: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawClientError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw RawClientError.failed("connect")
        }
        var timeout = timeval(
            tv_sec: Int(receiveTimeout),
            tv_usec: Int((receiveTimeout - Double(Int(receiveTimeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw RawClientError.failed("send") }
            offset += written
        }
    }

    /// Reads until the peer closes or the receive timeout passes; returns everything read.
    func readUntilClose() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// Whether the server closed the connection (a read returns end-of-file or a reset).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    /// Reads exactly one response (head + Content-Length body).
    func readResponse() throws -> RawResponse {
        var buffer: [UInt8] = pending
        pending = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = RawResponse.parse(buffer) {
                pending = Array(buffer[response.consumed...])
                return response.response
            }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { throw RawClientError.noResponse(String(decoding: buffer, as: UTF8.self)) }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private var pending: [UInt8] = []
}

enum RawClientError: Error {
    case failed(String)
    case noResponse(String)
}

struct RawResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// Parses a response from the start of `bytes` when complete; HEAD-style bodiless responses are
    /// recognised by a missing Content-Length.
    static func parse(_ bytes: [UInt8]) -> (response: RawResponse, consumed: Int)? {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        guard bytes.count - end.upperBound >= length else { return nil }
        let body = String(decoding: bytes[end.upperBound..<(end.upperBound + length)], as: UTF8.self)
        return (RawResponse(status: status, headers: headers, body: body), end.upperBound + length)
    }

    /// Every response in `bytes`, in order.
    static func parseAll(_ bytes: [UInt8]) -> [RawResponse] {
        var rest = bytes
        var responses: [RawResponse] = []
        while let (response, consumed) = parse(rest) {
            responses.append(response)
            rest = Array(rest[consumed...])
        }
        return responses
    }
}
