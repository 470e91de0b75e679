import BackendKit
import Foundation

/// Brings the database's schema up to date when the server starts, before it serves anything.
enum Migrator {
    /// Which migrations this database has had: one row per migration, written in the same
    /// transaction as the migration itself.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """

    /// Applies, in order, each migration the database has not had yet, and returns their versions.
    /// Safe to run at every start, and by two instances starting at the same moment.
    static func run(_ migrations: [SchemaMigration], on database: Database, at now: Date) throws -> [Int] {
        try database.executeScript(bookkeeping)
        var applied: [Int] = []
        for migration in migrations {
            // BEGIN IMMEDIATE: one instance at a time from here. The row is read under the lock, so
            // an instance that waited sees what the other one just applied.
            let ran = try database.transaction { tx -> Bool in
                if let row = try tx.queryOne(
                    "SELECT checksum FROM schema_migrations WHERE version = ?", migration.version)
                {
                    guard try row.string("checksum") == migration.checksum else {
                        throw MigrationError.changed(version: migration.version, name: migration.name)
                    }
                    return false
                }
                do {
                    try tx.executeScript(migration.sql)
                } catch {
                    // Thrown out of the transaction: everything the script did is rolled back.
                    throw MigrationError.failed(
                        version: migration.version, name: migration.name, reason: String(describing: error))
                }
                try tx.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    migration.version, migration.name, migration.checksum, now.formatted(.iso8601))
                return true
            }
            if ran { applied.append(migration.version) }
        }
        return applied
    }
}
