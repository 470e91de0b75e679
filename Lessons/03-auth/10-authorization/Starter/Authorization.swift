import BackendKit

/// What a request wants to do with one task. Every action is checked, not only reading: an
/// attacker who cannot read a task must not be able to change or delete it either.
enum TaskAction: String, Sendable {
    case read, change, delete
}

/// The account behind the request's live session (steps 4–5), read from the database, or 401.
/// Who the caller is comes from the server's own records, never from anything the client says
/// about itself.
func signedInAccount(_ request: Request, sessions: SessionStore, accounts: AccountStore) throws
    -> Account
{
    // TODO(learner): liveSession(request, in: sessions), then accounts.find(id: session.accountID).
    // When either is nil, throw HTTPError.unauthorized("Log in first.").
    throw HTTPError(
        .notImplemented, detail: "TODO: signedInAccount in Authorization.swift is not written yet.")
}

/// The signed-in account when it is an admin: 401 without a session, 403 for any other role.
func requireAdmin(_ request: Request, sessions: SessionStore, accounts: AccountStore) throws
    -> Account
{
    // TODO(learner): signedInAccount first (401), then refuse with HTTPError.forbidden unless
    // account.role is "admin": the role the accounts table holds, never one the request names.
    // Log the refusal with logDenied.
    throw HTTPError(
        .notImplemented, detail: "TODO: requireAdmin in Authorization.swift is not written yet.")
}

/// The task `taskID` when `account` may do `action` with it. A task of another account is
/// answered exactly like one that does not exist, so ids cannot be probed (OWASP: IDOR).
func authorize(
    _ action: TaskAction, taskID: Int, account: Account, tasks: TaskStore, request: Request
)
    throws -> TaskItem
{
    // TODO(learner): tasks.find(id: taskID). A missing task and a task whose ownerID is not
    // account.id get the same answer: HTTPError.notFound with one detail text, for every action.
    // Log the refusal with logDenied.
    throw HTTPError(
        .notImplemented, detail: "TODO: authorize in Authorization.swift is not written yet.")
}

/// The tasks `GET /tasks` shows `account`: its own, and no one else's.
func visibleTasks(of account: Account, in tasks: TaskStore) throws -> [TaskItem] {
    // TODO(learner): only the account's tasks (TaskStore has a method for that).
    throw HTTPError(
        .notImplemented, detail: "TODO: visibleTasks in Authorization.swift is not written yet.")
}

/// The fields `PATCH /me` may change, and nothing else.
struct ProfileChanges: Decodable, Sendable {
    // TODO(learner): the allowed fields only: `displayName`, sent as "display_name" (CodingKeys).
    // Never role, id or email: whatever this struct names, any client can set.
}

/// The longest display name the app keeps, in characters.
let maximumDisplayNameLength = 100

/// `PATCH /me`: saves the allowed fields of the body for `account`.
func updateProfile(_ request: Request, of account: Account, in profiles: ProfileStore) throws {
    // TODO(learner): request.decode(ProfileChanges.self); trim the name and refuse an empty one or
    // one over maximumDisplayNameLength with HTTPError.validation naming "display_name"; then
    // profiles.setDisplayName(name, accountID: account.id).
    throw HTTPError(
        .notImplemented, detail: "TODO: updateProfile in Authorization.swift is not written yet.")
}

/// Logs a refused access: who (the account id), what (method and path) and why, so a probe for
/// other accounts' data shows up in the log (ASVS 16.3.2). Never a header, a cookie, a token or a
/// body: whoever reads the log must not be able to act as the user.
func logDenied(_ request: Request, account: Account, reason: String) {
    // TODO(learner): request.logger.warning("Access denied", [...]) with the account id,
    // request.method.rawValue, request.path and the reason as metadata.
}
