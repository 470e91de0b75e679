extension Database {
    /// Brings the schema up to date by applying, in order, each migration whose version is above
    /// the database's ``SQLExecuting/userVersion``. Returns the versions it applied.
    ///
    /// Each migration runs in its own transaction together with the update of `user_version`,
    /// so a migration either fully happens and is recorded, or (when it throws) leaves no trace and
    /// the error is rethrown. Calling `migrate` again with the same list changes nothing, so call it
    /// every time the server starts.
    ///
    /// ```swift
    /// let db = try Database.open()
    /// try db.migrate(Schema.migrations)
    /// ```
    ///
    /// - Throws: ``DatabaseError/migrationOrder(versions:)`` before touching anything when versions
    ///   are not increasing whole numbers above 0; otherwise the failing migration's error.
    @discardableResult
    public func migrate(_ migrations: [Migration]) throws -> [Int] {
        let versions = migrations.map(\.version)
        let increasing = zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 }
        guard increasing, versions.allSatisfy({ $0 > 0 }) else {
            throw DatabaseError.migrationOrder(versions: versions)
        }
        var applied: [Int] = []
        var current = try userVersion
        for migration in migrations where migration.version > current {
            let ran = try transaction { tx -> Bool in
                // Checked again under the write lock: another process may have migrated meanwhile.
                guard try tx.userVersion < migration.version else { return false }
                try migration.apply(tx)
                try tx.execute("PRAGMA user_version = \(migration.version)")
                return true
            }
            if ran { applied.append(migration.version) }
            current = migration.version
        }
        return applied
    }
}
