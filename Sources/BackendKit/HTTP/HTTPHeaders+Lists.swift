extension HTTPHeaders {
    /// The elements of a comma-separated list field across every line it was sent on, in order,
    /// trimmed and without empty ones (RFC 9110 §5.6.1): for `X-Forwarded-For: 1.2.3.4` followed by
    /// `X-Forwarded-For: 10.0.0.1, 127.0.0.1`, `["1.2.3.4", "10.0.0.1", "127.0.0.1"]`.
    ///
    /// Repeated lines matter for security: a client can send its own `X-Forwarded-For` line, and a
    /// proxy appends to the last one, so only the elements a trusted proxy added are trustworthy.
    /// Do not use it for fields whose values contain commas themselves (`Set-Cookie`, dates).
    public func elements(for name: String) -> [String] {
        values(for: name).flatMap { value in
            value.split(separator: ",").map { String($0.trimmingASCIIWhitespace()) }.filter { !$0.isEmpty }
        }
    }
}
