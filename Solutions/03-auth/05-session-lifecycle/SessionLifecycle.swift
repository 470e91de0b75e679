import BackendKit
import Foundation

/// A session nobody has used for this long is over (OWASP: 15–30 minutes for most apps).
let sessionIdleTimeout: TimeInterval = 30 * 60
/// A session is over this long after its login, however busy it is.
let sessionAbsoluteTimeout: TimeInterval = 12 * 60 * 60

/// Logs `account` in with a brand-new session and returns its cookie.
func renewSession(for account: Account, request: Request, sessions: SessionStore) throws -> SetCookie {
    // Whatever id came with the login (planted by an attacker, or the user's own older one) ends
    // here, so nobody who knew it before the login holds the logged-in session.
    for token in request.cookies.values(for: sessionCookieName) where !token.isEmpty {
        try sessions.delete(idHash: sessionIDHash(token))
    }
    return try startSession(for: account, in: sessions, at: request.now)
}

/// The request's session if it is still alive at `request.now`, or `nil` (the route answers 401).
/// Using a session counts as activity.
func liveSession(_ request: Request, in sessions: SessionStore) throws -> StoredSession? {
    guard let session = try currentSession(request, in: sessions) else { return nil }
    // The server decides: a cookie's Max-Age is only a wish the browser may ignore, and a stolen
    // copy of the cookie has none.
    let now = request.now
    let idle = now.timeIntervalSince(session.lastSeenAt)
    let age = now.timeIntervalSince(session.createdAt)
    guard idle < sessionIdleTimeout, age < sessionAbsoluteTimeout else {
        try sessions.delete(idHash: session.idHash)
        return nil
    }
    // Activity moves the idle window; the absolute limit stays where the login put it.
    try sessions.touch(idHash: session.idHash, at: now)
    return session
}

/// Logs out: ends the request's session on the server, not only in the browser.
func endSession(_ request: Request, in sessions: SessionStore) throws {
    guard let session = try currentSession(request, in: sessions) else { return }
    try sessions.delete(idHash: session.idHash)
}

/// After a password change: ends every session of the account except the one that changed it.
func endOtherSessions(of session: StoredSession, in sessions: SessionStore) throws {
    // Whoever learnt the old password may be logged in somewhere: the change must throw them out.
    try sessions.deleteAll(accountID: session.accountID, keeping: session.idHash)
}
