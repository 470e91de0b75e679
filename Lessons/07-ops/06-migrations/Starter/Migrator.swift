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
        // TODO(learner): this runs every migration at every start, outside any transaction, and
        // records nothing. For each migration, in one database.transaction { tx in … }: read its row
        // in schema_migrations (a different checksum throws MigrationError.changed; a row means
        // done), else tx.executeScript(migration.sql) (an error becomes MigrationError.failed) and
        // INSERT its row (version, name, checksum, applied_at).
        for migration in migrations {
            try database.executeScript(migration.sql)
        }
        return migrations.map(\.version)
    }
}
