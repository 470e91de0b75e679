import BackendKit

/// What a request wants to do with one task. Every action is checked, not only reading: an
/// attacker who cannot read a task must not be able to change or delete it either.
enum TaskAction: String, Sendable {
    case read, change, delete
}

/// The account behind the request's live session (steps 4–5), read from the database, or 401.
/// Who the caller is comes from the server's own records, never from anything the client says
/// about itself.
func signedInAccount(_ request: Request, sessions: SessionStore, accounts: AccountStore) throws -> Account {
    guard let session = try liveSession(request, in: sessions),
        let account = try accounts.find(id: session.accountID)
    else {
        throw HTTPError.unauthorized("Log in first.")
    }
    return account
}

/// The signed-in account when it is an admin: 401 without a session, 403 for any other role.
func requireAdmin(_ request: Request, sessions: SessionStore, accounts: AccountStore) throws -> Account {
    let account = try signedInAccount(request, sessions: sessions, accounts: accounts)
    // The role is the one stored in accounts: a header, a cookie or a body field saying "admin"
    // is only the client's wish.
    guard account.role == "admin" else {
        logDenied(request, account: account, reason: "not an admin")
        throw HTTPError.forbidden("Only an admin may do this.")
    }
    return account
}

/// The task `taskID` when `account` may do `action` with it. A task of another account is
/// answered exactly like one that does not exist, so ids cannot be probed (OWASP: IDOR).
func authorize(_ action: TaskAction, taskID: Int, account: Account, tasks: TaskStore, request: Request)
    throws -> TaskItem
{
    guard let task = try tasks.find(id: taskID), task.ownerID == account.id else {
        logDenied(
            request, account: account, reason: "no task \(taskID) of this account to \(action.rawValue)")
        throw HTTPError.notFound("No task with this id.")
    }
    return task
}

/// The tasks `GET /tasks` shows `account`: its own, and no one else's.
func visibleTasks(of account: Account, in tasks: TaskStore) throws -> [TaskItem] {
    try tasks.list(ownerID: account.id)
}

/// The fields `PATCH /me` may change, and nothing else. A field the struct does not name (`role`,
/// `id`, `email`) is ignored by the decoder, so no body can grant itself a role.
struct ProfileChanges: Decodable, Sendable {
    let displayName: String

    enum CodingKeys: String, CodingKey {
        case displayName = "display_name"
    }
}

/// The longest display name the app keeps, in characters.
let maximumDisplayNameLength = 100

/// `PATCH /me`: saves the allowed fields of the body for `account`.
func updateProfile(_ request: Request, of account: Account, in profiles: ProfileStore) throws {
    let changes = try request.decode(ProfileChanges.self)
    let name = changes.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty, name.count <= maximumDisplayNameLength else {
        throw HTTPError.validation([
            (field: "display_name", message: "Give a name of 1 to \(maximumDisplayNameLength) characters.")
        ])
    }
    try profiles.setDisplayName(name, accountID: account.id)
}

/// Logs a refused access: who (the account id), what (method and path) and why, so a probe for
/// other accounts' data shows up in the log (ASVS 16.3.2). Never a header, a cookie, a token or a
/// body: whoever reads the log must not be able to act as the user.
func logDenied(_ request: Request, account: Account, reason: String) {
    request.logger.warning(
        "Access denied",
        [
            "account": .int(account.id), "method": .string(request.method.rawValue),
            "path": .string(request.path), "reason": .string(reason),
        ])
}
