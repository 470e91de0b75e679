import BackendKit
import Foundation

/// Routes for attack checks: a single-use coupon (a race when read and write are apart) and a
/// webhook whose signature covers the raw body bytes.
enum AttackRoutes {
    static func register(_ router: Router, _ kit: Kit) {
        router.post("/coupons/redeem") { request in
            guard let code = try request.json()["code"]?.string else {
                throw HTTPError.badRequest("Send {\"code\": \"...\"}.")
            }
            if kit.variant == .raceRedeem {
                guard
                    let used = try kit.db.queryOne(Int.self, "SELECT used FROM coupons WHERE code = ?", code),
                    used == 0
                else {
                    throw HTTPError.conflict("The coupon was used already.")
                }
                try await Task.sleep(for: .milliseconds(20))  // the window other requests slip through
                try kit.db.execute("UPDATE coupons SET used = 1 WHERE code = ?", code)
                return .text("redeemed")
            }
            let changed = try kit.db.execute("UPDATE coupons SET used = 1 WHERE code = ? AND used = 0", code)
                .changes
            guard changed == 1 else { throw HTTPError.conflict("The coupon was used already.") }
            return .text("redeemed")
        }

        router.post("/webhooks") { request in
            let expected = Hex.encode(
                HMACSHA256.authenticationCode(for: request.body, key: Array(kit.configuration.secret.utf8)))
            guard let given = request.headers["X-Signature"],
                constantTimeEquals(Array(given.lowercased().utf8), Array(expected.utf8))
            else {
                throw HTTPError.unauthorized("The signature does not match the body.")
            }
            return .noContent()
        }
    }
}
