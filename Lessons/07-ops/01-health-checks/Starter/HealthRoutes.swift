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
        // TODO(learner): answer 200 with {"status":"alive"}. Check nothing outside the process: a
        // database outage would make the orchestrator restart every instance at once, and a
        // restart does not fix a database.
        throw HTTPError(.notImplemented, detail: "TODO: GET /livez")
    }

    /// `GET /readyz`: 200 `{"status":"ready"}`, or 503 `{"status":"not ready","reason":"…"}`.
    func ready(_ request: Request) throws -> Response {
        // TODO(learner): ask probe.schemaVersion() on every request (a probe that remembers an old
        // answer says "ready" while the database is gone). When it throws, log the error with
        // request.logger and answer 503 with reason NotReady.databaseUnavailable; when the version
        // is below CheckoutStore.schemaVersion, 503 with NotReady.migrationsPending; otherwise 200.
        // The answer names the reason only, never the error: a probe's URL is often public.
        throw HTTPError(.notImplemented, detail: "TODO: GET /readyz")
    }
}
