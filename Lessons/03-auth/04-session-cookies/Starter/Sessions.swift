import BackendKit
import Foundation

/// The session cookie's name. Browsers refuse a `__Host-` cookie unless it is `Secure`, has
/// `Path=/` and names no `Domain`, so no other site, subdomain or plain-HTTP page can set it.
let sessionCookieName = "__Host-session"

/// Starts a session for `account` and returns the cookie that carries it to the browser.
func startSession(for account: Account, in sessions: SessionStore, at now: Date) throws -> SetCookie {
    // TODO(learner): make the token with SecureRandom.token() (32 random bytes as base64url), save
    // only sessionIDHash(token) with sessions.create(idHash:accountID:at:), and return a SetCookie
    // named sessionCookieName whose value is the token, with Path=/, Secure, HttpOnly and
    // SameSite=Lax.
    throw HTTPError(.notImplemented, detail: "TODO: start a session in Sessions.swift.")
}

/// What the sessions table keeps of a token: its SHA-256 in hex, never the token.
func sessionIDHash(_ token: String) -> String {
    // TODO(learner): hash the token with SHA256.hash and write the bytes with Hex.encode.
    return token
}

/// The session the request's cookie belongs to, or `nil` (the route answers 401).
func currentSession(_ request: Request, in sessions: SessionStore) throws -> StoredSession? {
    // TODO(learner): read the token from the Cookie header only (never from the URL); with no
    // sessionCookieName cookie, or more than one, there is no session. Otherwise look up
    // sessionIDHash(token) with sessions.find(idHash:).
    return nil
}
