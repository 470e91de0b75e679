import Foundation

/// An incremental HTTP/1.1 request parser (RFC 9112) with limits on every part.
///
/// The connection appends bytes as they arrive and calls `parse` with everything not yet consumed;
/// the parser says how many bytes it consumed and whether a whole request is ready. It is strict
/// where leniency enables request smuggling (conflicting lengths, obs-fold, bare CR) and lenient
/// where the RFC allows (bare LF line endings, empty lines before the request line).
struct RequestParser {
    enum Event {
        case needMoreData
        case request(RequestHead, Data)
        case failure(ParseFailure)
    }

    private enum State {
        case head
        case fixedBody(RequestHead, length: Int)
        case chunked(RequestHead, ChunkedBodyDecoder)
    }

    let limits: ServerConfiguration.Limits
    private var state: State = .head
    private var continueRequested = false

    init(limits: ServerConfiguration.Limits) {
        self.limits = limits
    }

    /// Whether bytes of an unfinished request have been consumed (a head waiting for its body).
    var isMidRequest: Bool {
        if case .head = state { return false }
        return true
    }

    /// Whether the unfinished request is known to be a HEAD (its head is read, its body is not).
    var isWaitingForBodyOfHead: Bool {
        switch state {
        case .head: return false
        case .fixedBody(let head, _), .chunked(let head, _): return head.method == .head
        }
    }

    /// True once per request whose client sent `Expect: 100-continue` and still owes the body.
    mutating func takeContinueRequest() -> Bool {
        defer { continueRequested = false }
        return continueRequested
    }

    /// Parses as much of `bytes` as possible. Returns the event and how many bytes were consumed.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Event, consumed: Int) {
        switch state {
        case .head:
            switch HeadParser.parse(bytes, limits: limits) {
            case .needMoreData:
                return (.needMoreData, 0)
            case .failure(let failure):
                return (.failure(failure), 0)
            case .head(let head, let headLength):
                switch head.framing {
                case .none:
                    return (.request(head, Data()), headLength)
                case .length(let length):
                    state = .fixedBody(head, length: length)
                case .chunked:
                    state = .chunked(head, ChunkedBodyDecoder(maxBodyBytes: limits.maxBodyBytes))
                }
                continueRequested = head.expectsContinue
                let rest = UnsafeBufferPointer(rebasing: bytes[headLength...])
                let (event, used) = parse(rest)
                return (event, headLength + used)
            }
        case .fixedBody(let head, let length):
            guard bytes.count >= length else { return (.needMoreData, 0) }
            state = .head
            continueRequested = false
            return (.request(head, Data(UnsafeBufferPointer(rebasing: bytes[0..<length]))), length)
        case .chunked(let head, var decoder):
            switch decoder.decode(bytes) {
            case .needMoreData(let used):
                state = .chunked(head, decoder)
                return (.needMoreData, used)
            case .failure(var failure):
                state = .head
                failure.isHeadRequest = head.method == .head
                return (.failure(failure), 0)
            case .complete(let body, let used):
                state = .head
                continueRequested = false
                return (.request(head, body), used)
            }
        }
    }
}
