import BackendKit
import Foundation

/// `POST /admin/reconciliations`: runs a reconciliation now and answers 201 with its report. The
/// nightly job of a real shop calls the same; a person can also run it after an incident.
///
/// The route reads the gateway and shows orders, so it needs `Authorization: Bearer <ADMIN_TOKEN>`.
struct ReconciliationRoutes: Sendable {
    let reconciler: Reconciler
    let adminToken: [UInt8]

    static let tokenVariable = "ADMIN_TOKEN"
    /// The window when the request names none: the last 24 hours on the server's clock.
    static let defaultWindow = 24 * 60 * 60

    struct Input: Decodable {
        /// Reconcile the payments created after this time, in Unix seconds.
        var createdAfter: Int?

        enum CodingKeys: String, CodingKey { case createdAfter = "created_after" }
    }

    /// Reads ADMIN_TOKEN; a missing or short one stops the server, naming the variable only.
    static func adminToken(from environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> [UInt8]
    {
        guard let token = environment[tokenVariable], !token.isEmpty else {
            throw ConfigError.missing(variable: tokenVariable, expected: "the token of the admin routes")
        }
        guard token.utf8.count >= 16 else {
            throw ConfigError.invalid(variable: tokenVariable, expected: "a token of at least 16 bytes")
        }
        return Array(token.utf8)
    }

    func register(on router: Router) {
        router.post("/admin/reconciliations") { request in try await reconcile(request) }
    }

    func reconcile(_ request: Request) async throws -> Response {
        let sent = request.headers["Authorization"].flatMap { header in
            header.hasPrefix("Bearer ") ? Array(header.utf8.dropFirst(7)) : nil
        }
        guard let sent, constantTimeEquals(sent, adminToken) else {
            throw HTTPError(
                .unauthorized, detail: "Send Authorization: Bearer <ADMIN_TOKEN>.",
                headers: ["WWW-Authenticate": "Bearer"])
        }
        let now = request.now
        var since = Int(now.timeIntervalSince1970) - Self.defaultWindow
        if !request.body.isEmpty {
            try request.requireContentType()
            if let asked = try request.decode(Input.self).createdAfter { since = asked }
        }
        do {
            let report = try await reconciler.run(since: since, at: now)
            request.logger.info(
                "reconciled",
                ["payments": .int(report.paymentsChecked), "differences": .int(report.differences.count)])
            return try .json(report, status: .created)
        } catch let problem as GatewayProblem {
            request.logger.warning("reconciliation failed", ["reason": .string(problem.description)])
            throw HTTPError(.badGateway, detail: "The gateway's payments could not be read: \(problem).")
        }
    }
}
