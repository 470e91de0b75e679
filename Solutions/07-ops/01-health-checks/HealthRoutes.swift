import BackendKit
import Foundation

/// `GET /livez` and `GET /readyz`: the two questions an orchestrator (Kubernetes, a load balancer)
/// asks every few seconds. Liveness: is this process still working, or should it be restarted?
/// Readiness: can it serve requests right now, or should traffic go elsewhere for a while?
struct HealthRoutes: Sendable {
    let probe: DatabaseProbe

    /// Why the server is not ready, as `GET /readyz` names it in its 503 answer.
    enum NotReady: String {
        /// The database did not let the probe take its write lock and read it within 250 ms.
        case databaseUnavailable = "database unavailable"
        /// The file's schema version is below `CheckoutStore.schemaVersion`.
        case migrationsPending = "migrations not finished"
    }

    func register(on router: Router) {
        router.get("/livez") { request in try live(request) }
        router.get("/readyz") { request in try ready(request) }
    }

    /// `GET /livez`: 200 `{"status":"alive"}` whenever the process can answer at all.
    func live(_ request: Request) throws -> Response {
        // Nothing outside the process: a database outage must not make the orchestrator restart
        // every instance at once. Answering at all is the proof of life.
        try .json(["status": "alive"]).with("Cache-Control", "no-store")
    }

    /// `GET /readyz`: 200 `{"status":"ready"}`, or 503 `{"status":"not ready","reason":"…"}`.
    func ready(_ request: Request) throws -> Response {
        let version: Int
        do {
            version = try probe.schemaVersion()  // asked again for every probe: never remembered
        } catch {
            // The cause goes to the log, where the operator looks; the answer names the reason only.
            request.logger.warning("not ready: the database did not answer", ["error": .string("\(error)")])
            return try notReady(.databaseUnavailable)
        }
        guard version >= CheckoutStore.schemaVersion else {
            request.logger.warning(
                "not ready: migrations not finished",
                ["schema_version": .int(version), "needed": .int(CheckoutStore.schemaVersion)])
            return try notReady(.migrationsPending)
        }
        return try .json(["status": "ready"]).with("Cache-Control", "no-store")
    }

    /// 503 Service Unavailable: "send traffic elsewhere for now", which a probe reads as not ready.
    func notReady(_ reason: NotReady) throws -> Response {
        try .json(["status": "not ready", "reason": reason.rawValue], status: .serviceUnavailable)
            .with("Cache-Control", "no-store")
    }
}
