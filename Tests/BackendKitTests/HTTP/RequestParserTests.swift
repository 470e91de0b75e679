import Foundation
import Testing

@testable import BackendKit

struct RequestParserTests {
    private func parse(_ text: String, limits: ServerConfiguration.Limits = .init()) -> [RequestParser.Event]
    {
        parseBytes(Array(text.utf8), limits: limits)
    }

    /// Feeds bytes the way a connection does and collects every event until nothing more parses.
    private func parseBytes(
        _ bytes: [UInt8], limits: ServerConfiguration.Limits = .init(), chunkSize: Int? = nil
    ) -> [RequestParser.Event] {
        var parser = RequestParser(limits: limits)
        var events: [RequestParser.Event] = []
        var buffer: [UInt8] = []
        var start = 0
        let step = chunkSize ?? bytes.count
        var offset = 0
        while offset < bytes.count {
            buffer.append(contentsOf: bytes[offset..<min(offset + step, bytes.count)])
            offset += step
            while true {
                let (event, consumed) = buffer.withUnsafeBufferPointer {
                    parser.parse(UnsafeBufferPointer(rebasing: $0[start...]))
                }
                start += consumed
                if case .needMoreData = event { break }
                events.append(event)
                if case .failure = event { return events }
            }
        }
        return events
    }

    private func failureStatus(_ events: [RequestParser.Event]) -> Int? {
        if case .failure(let failure) = events.last { return failure.status.code }
        return nil
    }

    @Test func simpleGet_isParsedWithHeaders() throws {
        let events = parse("GET /books?limit=2 HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n")
        guard case .request(let head, let body) = events.first else {
            Issue.record("no request: \(events)")
            return
        }
        #expect(head.method == .get)
        #expect(head.target == "/books?limit=2")
        #expect(head.headers["accept"] == "application/json")
        #expect(head.keepAlive)
        #expect(body.isEmpty)
    }

    @Test func bareLineFeeds_areAccepted() {
        let events = parse("GET / HTTP/1.1\nHost: x\n\n")
        guard case .request = events.first else {
            Issue.record("expected a request: \(events)")
            return
        }
    }

    @Test func contentLengthBody_isCollected_evenByteByByte() {
        let text = "POST /books HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"
        for chunk in [nil, 1, 3] as [Int?] {
            let events = parseBytes(Array(text.utf8), chunkSize: chunk)
            guard case .request(_, let body) = events.first else {
                Issue.record("chunk \(String(describing: chunk)): \(events)")
                continue
            }
            #expect(String(decoding: body, as: UTF8.self) == "hello world")
        }
    }

    @Test func chunkedBody_isDecoded_withExtensionsAndTrailers() {
        let text =
            "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
        for chunk in [nil, 1, 7] as [Int?] {
            let events = parseBytes(Array(text.utf8), chunkSize: chunk)
            guard case .request(_, let body) = events.first else {
                Issue.record("chunk \(String(describing: chunk)): \(events)")
                continue
            }
            #expect(String(decoding: body, as: UTF8.self) == "hello world")
        }
    }

    @Test func pipelinedRequests_areParsedInOrder() {
        let events = parse(
            "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        let targets = events.compactMap { event -> String? in
            if case .request(let head, _) = event { return head.target }
            return nil
        }
        #expect(targets == ["/a", "/b", "/c"])
    }

    @Test func requestLineOverLimit_isAnswered414() {
        var limits = ServerConfiguration.Limits()
        limits.maxRequestLineLength = 100
        #expect(
            failureStatus(
                parse(
                    "GET /" + String(repeating: "a", count: 200) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    limits: limits)) == 414)
        #expect(failureStatus(parse("GET /" + String(repeating: "a", count: 200), limits: limits)) == 414)
    }

    @Test func tooManyHeaders_isAnswered431() {
        var limits = ServerConfiguration.Limits()
        limits.maxHeaderCount = 10
        let headers = (0..<11).map { "X-\($0): v\r\n" }.joined()
        #expect(
            failureStatus(parse("GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n", limits: limits)) == 431)
    }

    @Test func headerSectionOverLimit_isAnswered431() {
        var limits = ServerConfiguration.Limits()
        limits.maxHeaderBytes = 200
        let big = "X-Big: " + String(repeating: "b", count: 300) + "\r\n"
        #expect(failureStatus(parse("GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", limits: limits)) == 431)
        #expect(failureStatus(parse("GET / HTTP/1.1\r\nHost: x\r\n" + big, limits: limits)) == 431)
    }

    @Test func declaredBodyOverLimit_isAnswered413() {
        var limits = ServerConfiguration.Limits()
        limits.maxBodyBytes = 10
        #expect(
            failureStatus(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits))
                == 413)
    }

    @Test func chunkedBodyOverLimit_isAnswered413() {
        var limits = ServerConfiguration.Limits()
        limits.maxBodyBytes = 10
        let text =
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n"
        #expect(failureStatus(parse(text, limits: limits)) == 413)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\n\r\n", 400),  // no Host
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
        ("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET books HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\rY: z\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n", 400),
        // RFC 9112 §6.3: chunked must be the final coding, or the length cannot be known: 400.
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400),
    ])
    func malformedRequest_getsTheRightStatus(text: String, status: Int) {
        #expect(failureStatus(parse(text)) == status, "for \(text.debugDescription)")
    }

    /// The chunked-framing cases the fuzz run of issue 9 found accepted (RFC 9112 §7.1:
    /// `chunk-size = 1*HEXDIG`, then `[ chunk-ext ] CRLF`; §6.3 for the order of codings).
    static let chunkedHead = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test(arguments: [
        ("+0\r\n\r\n", 400),  // a sign is not a HEXDIG
        ("-0\r\n\r\n", 400),
        ("-5\r\nhello\r\n0\r\n\r\n", 400),
        ("+5\r\nhello\r\n0\r\n\r\n", 400),
        ("5 junk\r\nhello\r\n0\r\n\r\n", 400),  // not a chunk-ext
        ("5 \r\nhello\r\n0\r\n\r\n", 400),  // whitespace without an extension
        ("5\nhello\r\n0\r\n\r\n", 400),  // a bare LF ends the size line
        ("5\rhello\r\n0\r\n\r\n", 400),  // a bare CR in the size line
        ("0x5\r\nhello\r\n0\r\n\r\n", 400),
        ("\r\nhello\r\n0\r\n\r\n", 400),  // no digits at all
        (" 5\r\nhello\r\n0\r\n\r\n", 400),
        ("5;\r\nhello\r\n0\r\n\r\n", 400),  // ";" without a name
        ("5;a=\r\nhello\r\n0\r\n\r\n", 400),  // "=" without a value
        ("5;a=\"open\r\nhello\r\n0\r\n\r\n", 400),  // unterminated quoted-string
        ("5;a b\r\nhello\r\n0\r\n\r\n", 400),
        ("5\r\nhello\n0\r\n\r\n", 400),  // chunk-data must end with CRLF
        ("5\r\nhelloX\r\n0\r\n\r\n", 400),
        ("0\r\nX-Trailer: a\rb\r\n\r\n", 400),  // a bare CR in a trailer
        ("0\r\nNoColon\r\n\r\n", 400),
        ("0\r\n\rX\r\n\r\n", 400),
        ("00000000000000001\r\nx\r\n0\r\n\r\n", 400),  // 17 digits: over the overflow bound
        ("ffffffffffffffffffff\r\n", 400),  // would overflow 64 bits
        ("ffffffffffffffff\r\n", 413),  // 16 digits: parsed, then over the body limit
        ("7fffffffffffffff\r\n", 413),
    ])
    func chunkSizeLine_isStrict(body: String, status: Int) {
        #expect(failureStatus(parse(Self.chunkedHead + body)) == status, "for \(body.debugDescription)")
    }

    @Test(arguments: [
        "5\r\nhello\r\n0\r\n\r\n",
        "5;name\r\nhello\r\n0\r\n\r\n",
        "5;name=value;other=\"quoted \\\" text\"\r\nhello\r\n0\r\n\r\n",
        "5 ; name = value\r\nhello\r\n0\r\n\r\n",  // BWS around ";" and "=" (RFC 9112 §7.1.1)
        "5\t;name\r\nhello\r\n0\r\n\r\n",
        "0005\r\nhello\r\n0\r\n\r\n",
        "5\r\nhello\r\n0\r\nX-Trailer: 1\r\nY: 2\r\n\r\n",
        "5\r\nhello\r\n0;last\r\n\r\n",
        "5\r\nhello\r\n0\r\nX-Trailer: 1\n\n",  // bare LF after a field line, as in the head (§2.2)
    ])
    func validChunkedBody_isDecoded(body: String) {
        guard case .request(_, let decoded) = parse(Self.chunkedHead + body).first else {
            Issue.record("expected a request for \(body.debugDescription)")
            return
        }
        #expect(String(decoding: decoded, as: UTF8.self) == "hello")
    }

    @Test(arguments: [
        ("chunked, gzip", 400),  // chunked is not the final coding (RFC 9112 §6.3)
        ("gzip", 400),
        ("chunked, chunked", 400),  // chunked applied twice (RFC 9112 §6.1)
        ("chunked\r\nTransfer-Encoding: chunked", 400),
        ("identity", 400),
        ("gzip, chunked", 501),  // a coding before chunked that BackendKit does not implement
        ("x-custom, chunked", 501),
    ])
    func transferCodingOrder_getsTheStatusOfRFC9112(codings: String, status: Int) {
        let text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \(codings)\r\n\r\n0\r\n\r\n"
        #expect(failureStatus(parse(text)) == status, "for \(codings.debugDescription)")
    }

    @Test(arguments: ["chunked", "Chunked", "chunked,", " chunked ", ", chunked"])
    func chunkedAsTheOnlyCoding_isAccepted(codings: String) {
        let text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \(codings)\r\n\r\n0\r\n\r\n"
        guard case .request = parse(text).first else {
            Issue.record("expected a request for \(codings.debugDescription)")
            return
        }
    }

    @Test func failureAfterTheRequestLineOfAHead_knowsItAnswersAHead() {
        guard case .failure(let failure) = parse("HEAD / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n").last
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.isHeadRequest)
        guard case .failure(let other) = parse("GET / HTTP/1.1\r\nBad Header: y\r\n\r\n").last else {
            Issue.record("expected a failure")
            return
        }
        #expect(!other.isHeadRequest)
    }

    @Test func repeatedIdenticalContentLengths_areAccepted() {
        guard
            case .request(_, let body) = parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\nok")
                .first
        else {
            Issue.record("expected a request")
            return
        }
        #expect(body.count == 2)
    }

    @Test func http10_closesByDefault_andKeepsAliveWhenAsked() {
        guard case .request(let plain, _) = parse("GET / HTTP/1.0\r\n\r\n").first,
            case .request(let asked, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").first,
            case .request(let closing, _) = parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .first
        else {
            Issue.record("expected requests")
            return
        }
        #expect(!plain.keepAlive)
        #expect(asked.keepAlive)
        #expect(!closing.keepAlive)
    }

    @Test func absoluteFormTarget_keepsPathAndQuery() {
        guard
            case .request(let head, _) = parse(
                "GET http://example.com/books?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"
            ).first
        else {
            Issue.record("expected a request")
            return
        }
        #expect(head.target == "/books?x=1")
    }

    @Test func expectContinue_isRequestedOnce() {
        var parser = RequestParser(limits: .init())
        let bytes = Array(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n".utf8)
        let (event, consumed) = bytes.withUnsafeBufferPointer { parser.parse($0) }
        guard case .needMoreData = event else {
            Issue.record("expected to wait for the body")
            return
        }
        #expect(consumed == bytes.count)
        let first = parser.takeContinueRequest()
        let second = parser.takeContinueRequest()
        #expect(first)
        #expect(!second)
    }
}
