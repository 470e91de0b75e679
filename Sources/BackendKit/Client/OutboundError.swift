/// Why an outbound call failed, in words that say what happened on the wire and what to do.
///
/// No error is retried for you. `mayHaveReachedUpstream` tells the two kinds apart: `false` when
/// the request certainly never arrived (no connection), so sending it again is harmless; `true`
/// when the upstream may have received and even processed it (a timeout while waiting for the
/// answer), so only an idempotent request, or one carrying an `Idempotency-Key`, is safe to resend.
public enum OutboundError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String, reason: String)
    case unsupportedScheme(url: String)
    case missingEnvironment(String)
    case unknownHost(String)
    case connectionRefused(url: String)
    case connectTimeout(url: String, after: Duration)
    case readTimeout(url: String, after: Duration, receivedBytes: Int)
    case totalTimeout(url: String, after: Duration)
    case connectionReset(url: String, receivedBytes: Int)
    case closedEarly(url: String, receivedBytes: Int)
    case responseTooLarge(url: String, limit: Int)
    case malformedResponse(url: String, detail: String)
    case cancelled(url: String)
    case system(url: String, call: String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "\"\(url)\" is not a URL the outbound client can call: \(reason)."
        case .unsupportedScheme(let url):
            "\(url): BackendKit's outbound client speaks plain http:// only (use it for services on this machine or your own network)."
        case .missingEnvironment(let name):
            "The environment variable \(name) is not set; it should hold the service's URL, such as http://127.0.0.1:9000."
        case .unknownHost(let host):
            "The host \"\(host)\" could not be found (DNS). Check the spelling of the URL."
        case .connectionRefused(let url):
            "Nothing is listening at \(url) (connection refused). Is the service running, and is the port right?"
        case .connectTimeout(let url, let after):
            "Could not connect to \(url) within \(after) (connect timeout): the host does not answer. The request was not sent."
        case .readTimeout(let url, let after, let received):
            "\(url) went silent for \(after) (read timeout) after \(received) bytes of its answer. It may still be working on the request."
        case .totalTimeout(let url, let after):
            "\(url) did not finish answering within \(after) (total timeout). It may have processed the request."
        case .connectionReset(let url, let received):
            "\(url) reset the connection after \(received) bytes of its answer. It may have processed the request."
        case .closedEarly(let url, let received):
            "\(url) closed the connection before a complete answer (\(received) bytes arrived). It may have processed the request."
        case .responseTooLarge(let url, let limit):
            "\(url) answered with more than \(limit) bytes, the client's maxResponseBytes; the rest was not read."
        case .malformedResponse(let url, let detail):
            "\(url) answered with something that is not valid HTTP: \(detail)"
        case .cancelled(let url):
            "The call to \(url) was cancelled before it finished."
        case .system(let url, let call, let code):
            "Calling \(url) failed in \(call) (errno \(code))."
        }
    }

    /// Whether the upstream may have received the request (see the type's documentation).
    public var mayHaveReachedUpstream: Bool {
        switch self {
        case .invalidURL, .unsupportedScheme, .missingEnvironment, .unknownHost, .connectionRefused,
            .connectTimeout:
            false
        case .readTimeout, .totalTimeout, .connectionReset, .closedEarly, .responseTooLarge,
            .malformedResponse,
            .cancelled, .system:
            true
        }
    }

    /// Whether a timeout (connect, read or total) ended the call.
    public var isTimeout: Bool {
        switch self {
        case .connectTimeout, .readTimeout, .totalTimeout: true
        default: false
        }
    }
}
