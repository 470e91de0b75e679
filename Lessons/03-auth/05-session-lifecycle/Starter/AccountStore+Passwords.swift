import BackendKit

extension AccountStore {
    /// Replaces the stored password hash of an account.
    func updatePasswordHash(_ passwordHash: String, accountID: Int) throws {
        try database.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, accountID)
    }
}
