/// Why a cryptographic function refused its arguments.
public enum CryptoError: Error, Sendable, Equatable {
    /// An iteration count outside what the function allows.
    case invalidIterations(Int, allowed: ClosedRange<Int>)
    /// A key length outside what the function allows.
    case invalidKeyLength(Int, allowed: ClosedRange<Int>)
    /// An input longer than the system's crypto library accepts.
    case inputTooLong(what: String, byteCount: Int)
    /// The system's crypto library reported a failure.
    case libraryFailure(String)
}

extension CryptoError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidIterations(let count, let allowed):
            return "the iteration count \(count) is outside \(allowed.lowerBound)...\(allowed.upperBound); "
                + "for passwords use 600000 (PasswordHash does this for you)"
        case .invalidKeyLength(let length, let allowed):
            return "the key length \(length) is outside \(allowed.lowerBound)...\(allowed.upperBound) bytes; "
                + "32 bytes is the usual choice"
        case .inputTooLong(let what, let byteCount):
            return "the \(what) is \(byteCount) bytes long, more than the crypto library accepts"
        case .libraryFailure(let message):
            return "the system's crypto library failed: \(message)"
        }
    }
}
