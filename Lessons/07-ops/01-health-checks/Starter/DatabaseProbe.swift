import BackendKit
import Foundation

/// Asks the database, within a probe's time, what `GET /readyz` needs to know: can the server take
/// the write lock (every order and every webhook needs it), and which schema version the file has.
///
/// It has a connection of its own with a short busy timeout: a probe must answer within the
/// orchestrator's timeout (Kubernetes waits 1 second by default), while the requests' connections
/// wait up to 5 seconds for a lock. Shortening their timeout instead would make real orders fail.
struct DatabaseProbe: Sendable {
    let database: Database

    /// How long the probe waits for another process's lock before it calls the database unavailable.
    static let lockWaitMilliseconds = 250

    init(path: String) throws {
        database = try Database(path: path, maxConnections: 1)
        _ = try database.query("PRAGMA busy_timeout = \(Self.lockWaitMilliseconds)")
    }

    /// The schema version (`PRAGMA user_version`), read in a write transaction that changes nothing.
    /// Throws when the write lock is not free within 250 ms or the file cannot be read; the error
    /// says why, for the log (never for the answer).
    func schemaVersion() throws -> Int {
        try database.transaction { tx in try tx.userVersion }
    }
}
