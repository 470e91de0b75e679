/// Reads a whole number a client sent as text (a path or query parameter), and says which of two
/// mistakes it is when it is not one: not a number at all, or a whole number too large for `Int`.
/// Telling them apart matters: "must be a whole number" for 99999999999999999999 reads as a bug.
enum WholeNumberText {
    /// The value, or the sentence that ends "The … parameter "id" …" (without the parameter part).
    static func parse(_ raw: String) -> Result<Int, Problem> {
        if let value = Int(raw) { return .success(value) }
        let digits = raw.first == "-" || raw.first == "+" ? raw.dropFirst() : Substring(raw)
        if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .failure(.outOfRange)
        }
        return .failure(.notANumber)
    }

    enum Problem: Error {
        case notANumber
        case outOfRange

        /// The end of the error detail, after `The path parameter "id"`.
        func sentence(raw: String) -> String {
            switch self {
            case .notANumber: "must be a whole number, not \"\(raw)\"."
            case .outOfRange:
                "is a whole number too large for this server (from \(Int.min) to \(Int.max)), not \"\(raw)\"."
            }
        }
    }
}
