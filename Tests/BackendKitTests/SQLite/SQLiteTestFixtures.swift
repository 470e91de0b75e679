import Foundation

@testable import BackendKit

/// A fresh folder in the system's temp directory for one test's database files; removed when the
/// value goes away.
final class SQLiteTestFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/backendkit-sqlite-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a new database file in a new temp folder, removed afterwards.
func withTestDatabase<T>(
    maxConnections: Int = 4, _ body: (Database, SQLiteTestFolder) throws -> T
) throws -> T {
    let folder = try SQLiteTestFolder()
    let database = try Database(path: folder.file("test.sqlite"), maxConnections: maxConnections)
    return try withExtendedLifetime(folder) { try body(database, folder) }
}

/// Shared pieces of the SQLite tests, kept in one namespace so their names cannot clash with
/// other suites of this test target.
enum SQLiteFixtures {
    /// The schema most tests use: books with every kind of value.
    static let booksSchema = """
        CREATE TABLE books (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            year INTEGER,
            rating REAL,
            available INTEGER NOT NULL DEFAULT 1,
            cover BLOB
        );
        """

    /// Runs `body` on `count` separate threads at once and waits for all of them; returns the
    /// errors they threw.
    static func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [any Error] {
        let errors = ErrorCollector()
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do { try body(index) } catch { errors.append(error) }
            }
            thread.start()
        }
        group.wait()
        return errors.all
    }

    final class ErrorCollector: @unchecked Sendable {
        // @unchecked Sendable: `errors` is guarded by `lock` (a Mutex cannot hand out non-Sendable errors).
        private let lock = NSLock()
        private var errors: [any Error] = []

        func append(_ error: any Error) {
            lock.lock()
            errors.append(error)
            lock.unlock()
        }

        var all: [any Error] {
            lock.lock()
            defer { lock.unlock() }
            return errors
        }
    }
}
