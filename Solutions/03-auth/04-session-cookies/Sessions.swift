import BackendKit
import Foundation

/// The session cookie's name. Browsers refuse a `__Host-` cookie unless it is `Secure`, has
/// `Path=/` and names no `Domain`, so no other site, subdomain or plain-HTTP page can set it.
let sessionCookieName = "__Host-session"

/// Starts a session for `account` and returns the cookie that carries it to the browser.
func startSession(for account: Account, in sessions: SessionStore, at now: Date) throws -> SetCookie {
    // 32 bytes from the operating system's CSPRNG: 256 bits nobody can guess or count up to.
    let token = SecureRandom.token()
    try sessions.create(idHash: sessionIDHash(token), accountID: account.id, at: now)
    // SetCookie's defaults are the safe ones; written out so a reader sees each of them.
    return SetCookie(
        name: sessionCookieName, value: token, path: "/", secure: true, httpOnly: true, sameSite: .lax)
}

/// What the sessions table keeps of a token: its SHA-256 in hex, never the token.
func sessionIDHash(_ token: String) -> String {
    // A fast hash is enough here: the token has 256 random bits, so there is nothing to guess.
    Hex.encode(SHA256.hash(token))
}

/// The session the request's cookie belongs to, or `nil` (the route answers 401).
func currentSession(_ request: Request, in sessions: SessionStore) throws -> StoredSession? {
    // Only the Cookie header: a token in the URL ends up in logs, history and Referer headers.
    // A browser keeps one __Host-session for this host, so a second value was planted: refuse
    // rather than guess which one is the user's.
    let values = request.cookies.values(for: sessionCookieName)
    guard values.count == 1, let token = values.first, !token.isEmpty else { return nil }
    // The lookup is by the hash, so the comparison is SQLite's exact match on 64 hex characters.
    return try sessions.find(idHash: sessionIDHash(token))
}
