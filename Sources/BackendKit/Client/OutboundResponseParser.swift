import Foundation

/// Reads one HTTP/1.1 response as its bytes arrive, within size limits.
struct OutboundResponseParser {
    enum Problem: Error {
        case tooLarge
        case malformed(String)
    }

    /// The status line and headers may not be larger than this.
    static let maxHeadBytes = 64 * 1024

    let isHead: Bool
    let maxBodyBytes: Int
    private(set) var buffer: [UInt8] = []
    private var head: (status: Int, headers: HTTPHeaders, bodyStart: Int)?

    init(isHead: Bool, maxBodyBytes: Int) {
        self.isHead = isHead
        self.maxBodyBytes = maxBodyBytes
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) throws(Problem) {
        buffer.append(contentsOf: bytes)
        let bodyBytes = buffer.count - (head?.bodyStart ?? 0)
        if head == nil && buffer.count > Self.maxHeadBytes + maxBodyBytes { throw .tooLarge }
        // Chunk framing adds a few bytes per chunk; allow for it before calling it too large.
        if head != nil && bodyBytes > maxBodyBytes + maxBodyBytes / 8 + 1024 { throw .tooLarge }
    }

    /// The complete response, or `nil` while more bytes are needed.
    mutating func response() throws(Problem) -> OutboundResponse? {
        if head == nil { try parseHead() }
        guard let (status, headers, bodyStart) = head else { return nil }
        if isHead || status == 204 || status == 304 {
            return OutboundResponse(status: HTTPStatus(code: status), headers: headers, body: Data())
        }
        if headers.containsToken("chunked", in: "Transfer-Encoding") {
            return try decodeChunked(from: bodyStart).map {
                OutboundResponse(status: HTTPStatus(code: status), headers: headers, body: $0)
            }
        }
        if let lengthText = headers["Content-Length"] {
            guard let length = Int(lengthText.trimmingASCIIWhitespace()), length >= 0 else {
                throw .malformed("its Content-Length \"\(lengthText)\" is not a number.")
            }
            if length > maxBodyBytes { throw .tooLarge }
            guard buffer.count - bodyStart >= length else { return nil }
            return OutboundResponse(
                status: HTTPStatus(code: status), headers: headers,
                body: Data(buffer[bodyStart..<(bodyStart + length)]))
        }
        return nil  // the body ends when the upstream closes the connection
    }

    /// The response when the connection closed; `nil` when it was incomplete.
    mutating func finishAtClose() throws(Problem) -> OutboundResponse? {
        if let complete = try response() { return complete }
        guard let (status, headers, bodyStart) = head,
            headers["Content-Length"] == nil, !headers.containsToken("chunked", in: "Transfer-Encoding")
        else { return nil }
        if buffer.count - bodyStart > maxBodyBytes { throw .tooLarge }
        return OutboundResponse(
            status: HTTPStatus(code: status), headers: headers, body: Data(buffer[bodyStart...]))
    }

    private mutating func parseHead() throws(Problem) {
        guard let end = buffer.firstRange(of: [13, 10, 13, 10]) else {
            if buffer.count > Self.maxHeadBytes { throw .tooLarge }
            if buffer.count >= 5 && !buffer.starts(with: Array("HTTP/".utf8)) {
                throw .malformed("it does not start with HTTP/.")
            }
            return
        }
        let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]),
            (100...599).contains(status)
        else {
            throw .malformed("the status line \"\(lines[0].prefix(80))\" is not HTTP/1.x.")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformed("a header line has no colon: \"\(line.prefix(80))\".")
            }
            headers.add(
                name: String(line[..<colon]),
                value: String(line[line.index(after: colon)...].trimmingASCIIWhitespace()))
        }
        if (100..<200).contains(status) {  // an interim response such as 100 Continue
            buffer.removeFirst(end.upperBound)
            try parseHead()
            return
        }
        head = (status, headers, end.upperBound)
    }

    private func decodeChunked(from start: Int) throws(Problem) -> Data? {
        var body = Data()
        var index = start
        while true {
            guard let lineEnd = buffer[index...].firstRange(of: [13, 10]) else { return nil }
            let sizeText =
                String(decoding: buffer[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")
                .first ?? ""
            guard let size = Int(sizeText.trimmingASCIIWhitespace(), radix: 16), size >= 0 else {
                throw .malformed("a chunk size \"\(sizeText)\" is not a hexadecimal number.")
            }
            index = lineEnd.upperBound
            if size == 0 {
                return buffer[index...].firstRange(of: [13, 10]) == nil ? nil : body
            }
            if body.count + size > maxBodyBytes { throw .tooLarge }
            guard buffer.count >= index + size + 2 else { return nil }
            body.append(contentsOf: buffer[index..<(index + size)])
            index += size + 2
        }
    }
}
