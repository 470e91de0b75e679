/// Which databases the current thread (or task) is inside a transaction of.
///
/// A transaction's closure is synchronous, so it stays on one thread from start to end; while it
/// runs, using the `Database` itself instead of the `Transaction` would run on a second connection
/// that cannot see the transaction's changes and may wait for its lock forever. This lets
/// ``Database`` refuse that with a clear error.
enum TransactionContext {
    @TaskLocal static var databases: Set<ObjectIdentifier> = []

    static func isInTransaction(of database: Database) -> Bool {
        databases.contains(ObjectIdentifier(database))
    }

    static func whileInTransaction<T>(of database: Database, _ body: () throws -> T) rethrows -> T {
        try $databases.withValue(databases.union([ObjectIdentifier(database)])) {
            try body()
        }
    }
}
