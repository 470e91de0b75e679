import BackendKit
import Foundation

/// Sessions that expire after 15 idle minutes, in a signed `__Host-` cookie.
enum SessionRoutes {
    static let idleLimit: TimeInterval = 15 * 60
    static let cookieName = "__Host-session"

    static func register(_ router: Router, _ kit: Kit) {
        router.post("/sessions") { request in
            guard let user = try request.json()["user"]?.string else {
                throw HTTPError.badRequest("Send {\"user\": \"...\"}.")
            }
            let token = SecureRandom.token()
            let now = kit.now(request)
            if kit.variant == .perProcessState {
                kit.memory.store(token, user: user, at: now)
            } else {
                try kit.db.execute(
                    "INSERT INTO sessions (token, user, last_seen) VALUES (?, ?, ?)", token, user,
                    now.timeIntervalSince1970)
            }
            let cookie = SetCookie(name: cookieName, value: sign(token, kit), maxAge: Int(idleLimit))
            return try Response.json(["user": user], status: .created).withCookie(cookie)
        }

        router.get("/me") { request in
            guard let cookie = request.cookies[cookieName], let token = verify(cookie, kit) else {
                throw HTTPError.unauthorized("Log in first.")
            }
            let now = kit.now(request)
            if kit.variant == .perProcessState {
                guard let session = kit.memory.session(token),
                    now.timeIntervalSince(session.lastSeen) <= idleLimit
                else {
                    throw HTTPError.unauthorized("The session has expired.")
                }
                kit.memory.touch(token, at: now)
                return try .json(["user": session.user])
            }
            guard
                let row = try kit.db.queryOne("SELECT user, last_seen FROM sessions WHERE token = ?", token),
                now.timeIntervalSince1970 - (try row.double("last_seen")) <= idleLimit
            else {
                throw HTTPError.unauthorized("The session has expired.")
            }
            try kit.db.execute(
                "UPDATE sessions SET last_seen = ? WHERE token = ?", now.timeIntervalSince1970, token)
            return try .json(["user": try row.string("user")])
        }
    }

    /// `token.signature`, the signature an HMAC of the token with KIT_SECRET.
    static func sign(_ token: String, _ kit: Kit) -> String {
        token + "."
            + Base64URL.encode(HMACSHA256.authenticationCode(for: token, key: kit.configuration.secret))
    }

    /// The token of a cookie whose signature is right (any token in the forged-cookie variant).
    static func verify(_ cookie: String, _ kit: Kit) -> String? {
        guard let dot = cookie.lastIndex(of: ".") else { return nil }
        let token = String(cookie[..<dot])
        if kit.variant == .acceptsForgedCookie { return token }
        let expected = HMACSHA256.authenticationCode(for: token, key: kit.configuration.secret)
        guard let given = Base64URL.decode(String(cookie[cookie.index(after: dot)...])),
            constantTimeEquals(given, expected)
        else { return nil }
        return token
    }
}
