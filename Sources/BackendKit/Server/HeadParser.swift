/// Parses a request line and header section (RFC 9112 §2–§6) from the start of a buffer.
enum HeadParser {
    enum Outcome {
        case needMoreData
        case head(RequestHead, length: Int)
        case failure(ParseFailure)
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: ServerConfiguration.Limits) -> Outcome {
        var index = 0
        // RFC 9112 §2.2: ignore empty lines before the request line (some clients send a CRLF after a body).
        while index < bytes.count, bytes[index] == cr || bytes[index] == lf { index += 1 }
        if index > 8 { return .failure(.badRequest("Too many empty lines before the request line.")) }
        let headStart = index

        guard
            let lineEnd = findLineFeed(bytes, from: index, limit: headStart + limits.maxRequestLineLength + 2)
        else {
            if bytes.count - headStart > limits.maxRequestLineLength {
                return .failure(
                    ParseFailure(
                        status: .uriTooLong,
                        detail: "The request line is longer than \(limits.maxRequestLineLength) bytes."))
            }
            return .needMoreData
        }
        var line = lineContent(bytes, start: index, lineFeed: lineEnd)
        guard let requestLine = line else {
            return .failure(.badRequest("The request line contains a bare carriage return."))
        }
        if requestLine.count > limits.maxRequestLineLength {
            return .failure(
                ParseFailure(
                    status: .uriTooLong,
                    detail: "The request line is longer than \(limits.maxRequestLineLength) bytes."))
        }
        let parsedLine: (HTTPMethod, String, (Int, Int))
        switch parseRequestLine(UnsafeBufferPointer(rebasing: bytes[requestLine])) {
        case .success(let value): parsedLine = value
        case .failure(let failure): return .failure(failure)
        }
        index = lineEnd + 1
        // From here on the method is known: an error answer to a HEAD must have no body.
        func failed(_ failure: ParseFailure) -> Outcome {
            var failure = failure
            failure.isHeadRequest = parsedLine.0 == .head
            return .failure(failure)
        }

        var headers = HTTPHeaders()
        while true {
            let searchLimit = headStart + limits.maxHeaderBytes + 2
            guard let end = findLineFeed(bytes, from: index, limit: searchLimit) else {
                if bytes.count - headStart > limits.maxHeaderBytes {
                    return failed(
                        ParseFailure(
                            status: .requestHeaderFieldsTooLarge,
                            detail: "The header section is larger than \(limits.maxHeaderBytes) bytes."))
                }
                return .needMoreData
            }
            line = lineContent(bytes, start: index, lineFeed: end)
            guard let fieldLine = line else {
                return failed(.badRequest("A header line contains a bare carriage return."))
            }
            index = end + 1
            if fieldLine.isEmpty { break }
            if end - headStart > limits.maxHeaderBytes {
                return failed(
                    ParseFailure(
                        status: .requestHeaderFieldsTooLarge,
                        detail: "The header section is larger than \(limits.maxHeaderBytes) bytes."))
            }
            if headers.count >= limits.maxHeaderCount {
                return failed(
                    ParseFailure(
                        status: .requestHeaderFieldsTooLarge,
                        detail: "The request has more than \(limits.maxHeaderCount) header fields."))
            }
            switch parseField(UnsafeBufferPointer(rebasing: bytes[fieldLine])) {
            case .success(let field): headers.add(name: field.0, value: field.1)
            case .failure(let failure): return failed(failure)
            }
        }
        switch makeHead(
            method: parsedLine.0, target: parsedLine.1, version: parsedLine.2, headers: headers,
            limits: limits)
        {
        case .success(let head): return .head(head, length: index)
        case .failure(let failure): return failed(failure)
        }
    }

    private static func findLineFeed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int?
    {
        let end = min(bytes.count, limit)
        var i = start
        while i < end {
            if bytes[i] == lf { return i }
            i += 1
        }
        return nil
    }

    /// The range of a line without its terminator; `nil` when a CR appears anywhere but before the LF.
    private static func lineContent(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, lineFeed: Int) -> Range<
        Int
    >? {
        var end = lineFeed
        if end > start, bytes[end - 1] == cr { end -= 1 }
        var i = start
        while i < end {
            if bytes[i] == cr { return nil }
            i += 1
        }
        return start..<end
    }

    private static func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<
        (HTTPMethod, String, (Int, Int)), ParseFailure
    > {
        guard let firstSpace = line.firstIndex(of: space) else {
            return .failure(.badRequest("The request line must look like \"GET /path HTTP/1.1\"."))
        }
        guard let secondSpace = line[(firstSpace + 1)...].firstIndex(of: space) else {
            return .failure(.badRequest("The request line must look like \"GET /path HTTP/1.1\"."))
        }
        let methodBytes = UnsafeBufferPointer(rebasing: line[0..<firstSpace])
        let targetBytes = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPToken.isTokenByte) else {
            return .failure(.badRequest("The request method is not a valid token."))
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            return .failure(
                .badRequest("The request target is empty or contains spaces or control characters."))
        }
        guard
            targetBytes[0] == UInt8(ascii: "/") || targetBytes.elementsEqual("*".utf8)
                || targetBytes.starts(with: "http://".utf8) || targetBytes.starts(with: "https://".utf8)
        else {
            return .failure(.badRequest("The request target must start with \"/\"."))
        }
        guard versionBytes.count == 8, versionBytes.starts(with: "HTTP/".utf8),
            versionBytes[6] == UInt8(ascii: "."),
            let major = digit(versionBytes[5]), let minor = digit(versionBytes[7])
        else {
            return .failure(.badRequest("The HTTP version must look like \"HTTP/1.1\"."))
        }
        guard major == 1 else {
            return .failure(
                ParseFailure(
                    status: .httpVersionNotSupported, detail: "Only HTTP/1.0 and HTTP/1.1 are supported."))
        }
        let method = HTTPToken.method(methodBytes)
        var target = String(decoding: targetBytes, as: UTF8.self)
        // Absolute form (`http://host/path`): keep the path and query only.
        if targetBytes[0] != UInt8(ascii: "/"), let schemeEnd = target.range(of: "://") {
            let afterAuthority = target[schemeEnd.upperBound...].firstIndex(of: "/")
            target = afterAuthority.map { String(target[$0...]) } ?? "/"
        }
        return .success((method, target, (major, minor)))
    }

    private static func parseField(_ line: UnsafeBufferPointer<UInt8>) -> Result<
        (String, String), ParseFailure
    > {
        if line[0] == space || line[0] == tab {
            return .failure(
                .badRequest("Header lines may not start with whitespace (obsolete line folding)."))
        }
        guard let colonIndex = line.firstIndex(of: colon), colonIndex > 0 else {
            return .failure(.badRequest("A header line has no \"name: value\" form."))
        }
        let nameBytes = UnsafeBufferPointer(rebasing: line[0..<colonIndex])
        guard nameBytes.allSatisfy(HTTPToken.isTokenByte) else {
            return .failure(
                .badRequest(
                    "A header name contains characters that are not allowed (spaces before the colon?)."))
        }
        var start = colonIndex + 1
        var end = line.count
        while start < end, line[start] == space || line[start] == tab { start += 1 }
        while end > start, line[end - 1] == space || line[end - 1] == tab { end -= 1 }
        let valueBytes = UnsafeBufferPointer(rebasing: line[start..<end])
        guard !valueBytes.contains(0) else {
            return .failure(.badRequest("A header value contains a NUL byte."))
        }
        return .success((HTTPToken.headerName(nameBytes), String(decoding: valueBytes, as: UTF8.self)))
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
