/// The forged and oversized values attack lessons need, one line each.
extension RawRequest {
    /// One more `Cookie` line; several calls send several lines, as some clients and attackers do.
    public func cookie(_ name: String, _ value: String) -> RawRequest {
        header("Cookie", "\(name)=\(value)")
    }

    /// A `Cookie` line of about `bytes` bytes, far beyond the 4 KiB browsers allow.
    public func oversizedCookie(bytes: Int, name: String = "padding") -> RawRequest {
        header("Cookie", "\(name)=" + String(repeating: "a", count: max(1, bytes - name.count - 1)))
    }

    /// An `X-Forwarded-For` line claiming the request came from `addresses` (anyone can send one).
    public func forwardedFor(_ addresses: String...) -> RawRequest {
        header("X-Forwarded-For", addresses.joined(separator: ", "))
    }

    /// A `Host` header naming another site, as in password-reset poisoning.
    public func host(_ host: String) -> RawRequest {
        header("Host", host)
    }
}
