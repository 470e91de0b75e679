import BackendKit
import Foundation

/// One numbered change to the schema. Once a migration has run on any database, it is never
/// edited again: a change is a new migration with the next number.
struct SchemaMigration: Sendable {
    var version: Int
    /// A few words for people: `one-payment-one-order`.
    var name: String
    /// Several statements, no parameters (run with `executeScript`).
    var sql: String

    /// SHA-256 of the SQL, in hex: stored when the migration is applied, compared at every start,
    /// so an edited migration is noticed instead of silently differing between databases.
    var checksum: String { Hex.encode(SHA256.hash(sql)) }
}

/// Every migration of the checkout, in order.
enum CheckoutMigrations {
    static let all = [
        // 1 and 2 are the migrations steps 1 to 5 ran with BackendKit's `database.migrate`
        // (`CheckoutStore.migrations` of step 1), with the same SQL, now with names.
        SchemaMigration(version: 1, name: "orders-and-payments", sql: CheckoutStore.schema),
        SchemaMigration(version: 2, name: "one-payment-one-order", sql: CheckoutStore.paymentIndex),
        // 3 is the table step 5's ShipmentRoutes created at every start with IF NOT EXISTS: on a
        // database that has it already it changes nothing and is recorded.
        SchemaMigration(version: 3, name: "shipments", sql: ShipmentRoutes.schema),
        // 4 is new: when an order was refunded, and one ledger row per gateway event. Rows written
        // before that rule existed (a delivery processed twice before step 2 of Module 6, a fix by
        // hand) break it: on such a database this migration fails, and the server must not start.
        SchemaMigration(
            version: 4, name: "one-ledger-row-per-event",
            sql: """
                ALTER TABLE orders ADD COLUMN refunded_at TEXT;
                CREATE UNIQUE INDEX ledger_one_per_event ON ledger (event_id);
                """),
    ]

    /// The baseline: a database made by steps 1 to 5 has no `schema_migrations`, but its
    /// `PRAGMA user_version` says which of migrations 1 and 2 BackendKit applied. Those are recorded
    /// as applied (without running them again: migration 2's index exists already), so `Migrator`
    /// goes on from there. Runs before `Migrator.run`, under the same write lock, and does nothing once
    /// `schema_migrations` exists: from then on that table is the record. `user_version` is left as
    /// it is, so the release before this one still finds its schema if it must be rolled back to.
    static func adoptUserVersion(on database: Database, at now: Date) throws {
        let hasRecord =
            try database.queryOne(
                "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            != nil
        guard !hasRecord, try database.userVersion > 0 else { return }
        try database.executeScript(Migrator.bookkeeping)
        try database.transaction { tx in
            let legacy = try tx.userVersion
            for migration in all where migration.version <= legacy {
                try tx.execute(
                    """
                    INSERT OR IGNORE INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (?, ?, ?, ?)
                    """, migration.version, migration.name, migration.checksum, now.formatted(.iso8601))
            }
        }
    }
}

/// Why the schema could not be brought up to date. main.swift prints it and exits with status 1.
enum MigrationError: Error, CustomStringConvertible {
    case failed(version: Int, name: String, reason: String)
    case changed(version: Int, name: String)

    var description: String {
        switch self {
        case .failed(let version, let name, let reason):
            "migration \(version) (\(name)) failed and was rolled back, so the database is as it was before it: "
                + "\(reason)"
        case .changed(let version, let name):
            "migration \(version) (\(name)) was changed after this database applied it (its checksum differs). "
                + "Never edit a migration that has run; add a new one."
        }
    }
}
