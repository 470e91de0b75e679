import BackendKit
import Foundation

/// A session nobody has used for this long is over (OWASP: 15–30 minutes for most apps).
let sessionIdleTimeout: TimeInterval = 30 * 60
/// A session is over this long after its login, however busy it is.
let sessionAbsoluteTimeout: TimeInterval = 12 * 60 * 60

/// Logs `account` in with a brand-new session and returns its cookie.
func renewSession(for account: Account, request: Request, sessions: SessionStore) throws -> SetCookie {
    // TODO(learner): a session cookie that came with the login must never live on (session
    // fixation): for every value of sessionCookieName in request.cookies, delete the session
    // stored under its sessionIDHash, whether or not it exists. Then start a new one.
    return try startSession(for: account, in: sessions, at: request.now)
}

/// The request's session if it is still alive at `request.now`, or `nil` (the route answers 401).
/// Using a session counts as activity.
func liveSession(_ request: Request, in sessions: SessionStore) throws -> StoredSession? {
    // TODO(learner): find currentSession(request, in: sessions). It is over when
    // sessionIdleTimeout has passed since its lastSeenAt, or sessionAbsoluteTimeout since its
    // createdAt (time from request.now, never Date()): then delete it and return nil. Otherwise
    // record the activity with sessions.touch(idHash:at:) and return it.
    return try currentSession(request, in: sessions)
}

/// Logs out: ends the request's session on the server, not only in the browser.
func endSession(_ request: Request, in sessions: SessionStore) throws {
    // TODO(learner): find currentSession(request, in: sessions) and delete it. (The route also
    // tells the browser to forget the cookie, but a copy of the cookie must stop working too.)
}

/// After a password change: ends every session of the account except the one that changed it.
func endOtherSessions(of session: StoredSession, in sessions: SessionStore) throws {
    // TODO(learner): sessions.deleteAll(accountID:keeping:) with this session's account and hash.
}
