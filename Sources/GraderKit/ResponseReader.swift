import BackendKit
import Foundation
import Grader

/// Parses one HTTP/1.1 response from bytes as they arrive, with clear words for what is wrong.
struct ResponseReader {
    private var buffer: [UInt8] = []
    private var head: (status: Int, reason: String, headers: HTTPHeaders, bodyStart: Int)?
    let isHead: Bool

    init(isHead: Bool) { self.isHead = isHead }

    var receivedCount: Int { buffer.count }

    mutating func append(_ bytes: ArraySlice<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count > RawConnection.maxHeadBytes + RawConnection.maxBodyBytes {
            throw RawConnection.Failure(
                description:
                    Words(
                        "your server sent more than \(RawConnection.maxBodyBytes / 1024 / 1024) MiB; the grader stopped reading.",
                        id:
                            "server kamu mengirim lebih dari \(RawConnection.maxBodyBytes / 1024 / 1024) MiB; grader berhenti membaca."
                    ).text
            )
        }
    }

    /// The complete response, or `nil` while more bytes are needed.
    mutating func response() throws -> ParsedResponse? {
        if head == nil { try parseHead() }
        guard let (status, reason, headers, bodyStart) = head else { return nil }
        if isHead || status == 204 || status == 304 || (100..<200).contains(status) {
            return ParsedResponse(status: status, reason: reason, headers: headers, body: Data())
        }
        if headers.containsToken("chunked", in: "Transfer-Encoding") {
            return try decodeChunked(from: bodyStart).map {
                ParsedResponse(status: status, reason: reason, headers: headers, body: $0)
            }
        }
        if let lengthText = headers["Content-Length"] {
            guard let length = Int(lengthText.trimmingCharacters(in: .whitespaces)), length >= 0 else {
                throw RawConnection.Failure(
                    description: Words(
                        "the Content-Length header \"\(lengthText)\" is not a number.",
                        id: "header Content-Length \"\(lengthText)\" bukan angka."
                    ).text)
            }
            guard buffer.count - bodyStart >= length else { return nil }
            return ParsedResponse(
                status: status, reason: reason, headers: headers,
                body: Data(buffer[bodyStart..<(bodyStart + length)]))
        }
        return nil  // delimited by the server closing the connection
    }

    /// Called when the server closed the connection: a close-delimited body ends here.
    mutating func finishAtClose() throws -> ParsedResponse? {
        if head == nil { try parseHead() }
        guard let (status, reason, headers, bodyStart) = head else { return nil }
        if headers["Content-Length"] != nil || headers.containsToken("chunked", in: "Transfer-Encoding") {
            return nil
        }
        return ParsedResponse(
            status: status, reason: reason, headers: headers, body: Data(buffer[bodyStart...]))
    }

    private mutating func parseHead() throws {
        guard let end = buffer.firstRange(of: [13, 10, 13, 10]) else {
            if buffer.count >= 5 && !buffer.starts(with: Array("HTTP/".utf8)) { throw notHTTP() }
            if buffer.count > RawConnection.maxHeadBytes {
                throw RawConnection.Failure(
                    description: Words(
                        "the response headers are larger than 64 KiB.",
                        id: "header response-nya lebih dari 64 KiB."
                    ).text)
            }
            return
        }
        let text = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]),
            (100...599).contains(status)
        else {
            throw notHTTP()
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawConnection.Failure(
                    description: Words(
                        "a response header line has no colon: \"\(line.prefix(80))\".",
                        id: "ada baris header response tanpa titik dua: \"\(line.prefix(80))\"."
                    ).text)
            }
            headers.add(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if (100..<200).contains(status) && status != 101 {  // skip interim responses such as 100 Continue
            buffer.removeFirst(end.upperBound)
            try parseHead()
            return
        }
        head = (status, parts.count > 2 ? String(parts[2]) : "", headers, end.upperBound)
    }

    private func notHTTP() -> RawConnection.Failure {
        let preview = String(decoding: buffer.prefix(60), as: UTF8.self).unicodeScalars
            .map {
                $0.properties.isWhitespace || $0.value >= 0x20
                    ? String($0) : "\\u{\(String($0.value, radix: 16))}"
            }.joined()
        return RawConnection.Failure(
            description: Words(
                "your server answered with bytes that are not an HTTP response: \"\(preview)\"",
                id: "server kamu menjawab dengan byte yang bukan response HTTP: \"\(preview)\""
            ).text)
    }

    private func decodeChunked(from start: Int) throws -> Data? {
        var body = Data()
        var index = start
        while true {
            guard let lineEnd = buffer[index...].firstRange(of: [13, 10]) else { return nil }
            let sizeText =
                String(decoding: buffer[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")
                .first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RawConnection.Failure(
                    description: Words(
                        "the chunked body has an invalid chunk size \"\(sizeText)\".",
                        id: "body chunked-nya punya ukuran chunk yang tidak valid: \"\(sizeText)\"."
                    ).text)
            }
            index = lineEnd.upperBound
            if size == 0 { return buffer[index...].firstRange(of: [13, 10]) == nil ? nil : body }
            guard buffer.count >= index + size + 2 else { return nil }
            body.append(contentsOf: buffer[index..<(index + size)])
            index += size + 2
        }
    }
}
