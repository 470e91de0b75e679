extension Request {
    /// The cookies sent with this request. Anything in them may be forged: sign or look up a
    /// session token before trusting it.
    public var cookies: Cookies { Cookies(headers: headers) }
}
