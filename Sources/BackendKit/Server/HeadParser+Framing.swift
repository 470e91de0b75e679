extension HeadParser {
    /// Decides the body framing and connection semantics from the header fields (RFC 9112 §6, §9).
    static func makeHead(
        method: HTTPMethod,
        target: String,
        version: (Int, Int),
        headers: HTTPHeaders,
        limits: ServerConfiguration.Limits
    ) -> Result<RequestHead, ParseFailure> {
        let isHTTP11 = version.1 >= 1
        let hosts = headers.values(for: "Host")
        if isHTTP11 && hosts.count != 1 {
            return .failure(
                .badRequest(
                    hosts.isEmpty
                        ? "HTTP/1.1 requests must have a Host header."
                        : "The request has more than one Host header."))
        }

        var framing = RequestHead.BodyFraming.none
        let transferEncodings = headers.values(for: "Transfer-Encoding")
        let lengths = headers.values(for: "Content-Length")
        if !transferEncodings.isEmpty {
            guard lengths.isEmpty else {
                return .failure(
                    .badRequest("A request may not have both Transfer-Encoding and Content-Length."))
            }
            guard isHTTP11 else {
                return .failure(.badRequest("Transfer-Encoding is not allowed in HTTP/1.0 requests."))
            }
            let codings = transferEncodings.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingASCIIWhitespace().lowercased()
            }.filter { !$0.isEmpty }
            // RFC 9112 §6.3: unless chunked is the final coding the body's length cannot be known, and
            // §6.1: chunked is applied at most once. Both are 400; an unknown coding before it is 501.
            guard codings.last == "chunked", codings.filter({ $0 == "chunked" }).count == 1 else {
                return .failure(
                    .badRequest(
                        "Transfer-Encoding must end with \"chunked\" and name it once; the body's length cannot be known otherwise."
                    ))
            }
            guard codings.count == 1 else {
                return .failure(
                    ParseFailure(
                        status: .notImplemented, detail: "Only the \"chunked\" transfer coding is supported.")
                )
            }
            framing = .chunked
        } else if !lengths.isEmpty {
            let values = lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map {
                $0.trimmingASCIIWhitespace()
            }
            guard let first = values.first, values.allSatisfy({ $0 == first }), !first.isEmpty,
                first.count <= 18,
                first.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let length = Int(first)
            else {
                return .failure(.badRequest("The Content-Length header must be a single whole number."))
            }
            if length > limits.maxBodyBytes {
                return .failure(
                    ParseFailure(
                        status: .contentTooLarge,
                        detail: "The body is larger than the limit of \(limits.maxBodyBytes) bytes."))
            }
            if length > 0 { framing = .length(length) }
        }

        let keepAlive: Bool
        if headers.containsToken("close", in: "Connection") {
            keepAlive = false
        } else {
            keepAlive = isHTTP11 || headers.containsToken("keep-alive", in: "Connection")
        }
        let expectsContinue =
            isHTTP11 && framing != .none
            && headers["Expect"].map { $0.equalsIgnoringASCIICase("100-continue") } == true
        return .success(
            RequestHead(
                method: method,
                target: target,
                version: version,
                headers: headers,
                framing: framing,
                keepAlive: keepAlive,
                expectsContinue: expectsContinue
            ))
    }
}
