import BackendKit
import Foundation

/// Parses requests as their bytes arrive, for the grader's fake servers: enough HTTP/1.1 for
/// what learners' clients send (Content-Length or chunked bodies, keep-alive), within limits.
struct RequestReader {
    struct Parsed {
        var method: String
        var target: String
        var headers: HTTPHeaders
        var body: Data
        var keepAlive: Bool
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static let maxHeadBytes = 64 * 1024
    static let maxBodyBytes = 8 * 1024 * 1024

    private var buffer: [UInt8] = []

    var isEmpty: Bool { buffer.isEmpty }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request (removed from the buffer), or `nil` while more bytes are needed.
    mutating func next() throws -> Parsed? {
        while buffer.starts(with: [13, 10]) { buffer.removeFirst(2) }
        guard let end = buffer.firstRange(of: [13, 10, 13, 10]) else {
            if buffer.count > Self.maxHeadBytes {
                throw Malformed(description: "the request head is larger than 64 KiB")
            }
            return nil
        }
        let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            throw Malformed(description: "the request line \"\(lines[0].prefix(80))\" is not HTTP/1.x")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                throw Malformed(description: "a header line has no colon: \"\(line.prefix(80))\"")
            }
            headers.add(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let bodyStart = end.upperBound
        var body = Data()
        var consumed = bodyStart
        if headers.containsToken("chunked", in: "Transfer-Encoding") {
            guard let (decoded, length) = try decodeChunked(from: bodyStart) else { return nil }
            body = decoded
            consumed = length
        } else if let text = headers["Content-Length"] {
            guard let length = Int(text.trimmingCharacters(in: .whitespaces)), length >= 0,
                length <= Self.maxBodyBytes
            else {
                throw Malformed(description: "the Content-Length \"\(text)\" is not a usable number")
            }
            guard buffer.count - bodyStart >= length else { return nil }
            body = Data(buffer[bodyStart..<(bodyStart + length)])
            consumed = bodyStart + length
        }
        buffer.removeFirst(consumed)
        let http10 = parts[2] == "HTTP/1.0"
        let keepAlive =
            http10
            ? headers.containsToken("keep-alive", in: "Connection")
            : !headers.containsToken("close", in: "Connection")
        return Parsed(
            method: String(parts[0]), target: String(parts[1]), headers: headers, body: body,
            keepAlive: keepAlive)
    }

    private func decodeChunked(from start: Int) throws -> (Data, Int)? {
        var body = Data()
        var index = start
        while true {
            guard let lineEnd = buffer[index...].firstRange(of: [13, 10]) else { return nil }
            let sizeText =
                String(decoding: buffer[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")
                .first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw Malformed(description: "a chunk size \"\(sizeText)\" is not hexadecimal")
            }
            index = lineEnd.upperBound
            if size == 0 {
                guard let trailerEnd = buffer[index...].firstRange(of: [13, 10]) else { return nil }
                return (body, trailerEnd.upperBound)
            }
            guard body.count + size <= Self.maxBodyBytes else {
                throw Malformed(description: "the chunked body is larger than 8 MiB")
            }
            guard buffer.count >= index + size + 2 else { return nil }
            body.append(contentsOf: buffer[index..<(index + size)])
            index += size + 2
        }
    }
}
