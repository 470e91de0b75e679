import BackendKit
import Foundation

/// One account as the app keeps it. `passwordHash` never leaves the server: the public view of an
/// account is `AccountView`.
struct Account: Sendable {
    let id: Int
    let email: String
    let passwordHash: String
    let role: String
    let createdAt: String

    init(row: Row) throws {
        id = try row.int("id")
        email = try row.string("email")
        passwordHash = try row.string("password_hash")
        role = try row.string("role")
        createdAt = try row.string("created_at")
    }

    var view: AccountView { AccountView(id: id, email: email, role: role) }
}

/// What a client may see of an account.
struct AccountView: Codable, Sendable {
    let id: Int
    let email: String
    let role: String
}

/// The body of sign-up and log-in: an email address and a password, exactly as typed.
struct Credentials: Decodable, Sendable {
    let email: String
    let password: String

    /// The address as the app stores and compares it: without surrounding spaces. Case is ignored
    /// by the table (COLLATE NOCASE), so Ayu@Example.com and ayu@example.com are one account.
    var normalizedEmail: String { email.trimmingCharacters(in: .whitespacesAndNewlines) }
}
