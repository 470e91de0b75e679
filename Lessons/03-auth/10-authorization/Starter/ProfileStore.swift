import BackendKit

/// Reads and writes what an account may change about itself (for now: a display name), in its own
/// table beside `accounts`. `role` and `id` live in `accounts`, and nothing here writes them.
struct ProfileStore: Sendable {
    let database: Database

    /// Opens the store and creates its table when it does not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS profiles (
            account_id   INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            display_name TEXT NOT NULL
        );
        """

    /// The display name of `accountID`, or `nil` when none was set.
    func displayName(accountID: Int) throws -> String? {
        try database.queryOne("SELECT display_name FROM profiles WHERE account_id = ?", accountID).map {
            try $0.string("display_name")
        }
    }

    /// Sets the display name of `accountID`.
    func setDisplayName(_ name: String, accountID: Int) throws {
        try database.execute(
            """
            INSERT INTO profiles (account_id, display_name) VALUES (?, ?)
            ON CONFLICT (account_id) DO UPDATE SET display_name = excluded.display_name
            """, accountID, name)
    }

    /// Every account, oldest first, for the admin's list.
    func allAccounts() throws -> [AccountView] {
        try database.query("SELECT id, email, role FROM accounts ORDER BY id").map {
            AccountView(id: try $0.int("id"), email: try $0.string("email"), role: try $0.string("role"))
        }
    }
}
