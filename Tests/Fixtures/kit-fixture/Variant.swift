/// The known-wrong versions of the kit fixture, chosen with `--variant NAME`: each makes one
/// mistake a lesson teaches about, and the kit pack's self-tests prove that the check meant to
/// catch it fails. Without `--variant` the fixture is the correct "reference solution".
enum Variant: String, CaseIterable {
    case correct
    /// Session expiry reads Date() instead of request.now.
    case ignoresClock = "ignores-clock"
    /// Sessions and rate-limit counters live in the process, not in the shared database.
    case perProcessState = "per-process-state"
    /// SIGTERM exits at once, dropping requests in progress and the outbox.
    case abruptShutdown = "abrupt-shutdown"
    /// A too-short KIT_SECRET is printed in the error message.
    case leaksSecret = "leaks-secret"
    /// Calls the payment service once, without retrying.
    case noRetry = "no-retry"
    /// Retries with a new Idempotency-Key each time.
    case newKeyPerRetry = "new-key-per-retry"
    /// /hello blocks its event loop for 3 ms.
    case slow
    /// GET /authors runs one query per author.
    case nPlusOne = "n-plus-one"
    /// POST /transfers runs its statements outside a transaction.
    case noTransaction = "no-transaction"
    /// The rate limit trusts the client's X-Forwarded-For.
    case trustsForwardedFor = "trusts-forwarded-for"
    /// Password-reset links are built from the request's Host header.
    case hostHeaderLinks = "host-header-links"
    /// Session cookies are accepted without checking their signature.
    case acceptsForgedCookie = "accepts-forged-cookie"
    /// Redeeming a coupon reads, waits, then writes, outside a transaction.
    case raceRedeem = "race-redeem"
    /// /metrics is hand-written, with an unescaped quote in a label value.
    case badMetrics = "bad-metrics"

    static func fromArguments(_ arguments: [String]) -> Variant? {
        guard let flag = arguments.firstIndex(of: "--variant") else { return .correct }
        guard flag + 1 < arguments.count else { return nil }
        return Variant(rawValue: arguments[flag + 1])
    }
}
