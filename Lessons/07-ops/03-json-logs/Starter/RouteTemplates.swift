import BackendKit
import Foundation

/// The checkout's route patterns, for the log: `/orders/7` and `/orders/8` are one route,
/// `/orders/:id`, and a log searched or counted by route needs that name, not the path with its id.
///
/// BackendKit's router does not tell middleware which route answered, so this list repeats the
/// patterns the `…Routes` files register; keep the two in step when you add a route.
enum RouteTemplates {
    static let all = [
        "/health", "/livez", "/readyz", "/orders", "/orders/:id", "/orders/:id/ledger", "/webhooks/payments",
    ]

    /// The pattern that matches `path` (`/orders/7/ledger` → `/orders/:id/ledger`), or `nil` when no
    /// route of the checkout does (a typo, or a scanner trying `/wp-login.php`).
    static func template(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return all.first { pattern in
            let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { part, segment in part.hasPrefix(":") || part == segment }
        }
    }
}
