import BackendKit

/// The versions of a task's JSON. Version 2 changed the shape of `assignee` (a string in v1, an
/// object in v2), which would break v1 clients, so both versions are served side by side.
enum APIVersion: String, Sendable {
    case v1, v2

    /// The vendor media type that names this version in `Accept` and `Content-Type`.
    var vendorMediaType: String { "application/vnd.tasks.\(rawValue)+json" }
}

/// One form the server can answer in: a media type (for `Content-Type`) and the version of the
/// task JSON it carries.
struct Representation: Sendable, Equatable {
    var mediaType: String
    var version: APIVersion

    /// The JSON of a task in this version.
    func body(for task: TaskItem) throws -> JSONValue {
        switch version {
        case .v1: try JSONValue(encoding: task)
        case .v2: try JSONValue(encoding: TaskV2(task))
        }
    }

    /// `status` with the task in this representation. `Vary: Accept` tells caches that the answer
    /// depends on the request's `Accept` header, so they keep one copy per representation.
    func response(_ task: TaskItem, status: HTTPStatus = .ok) throws -> Response {
        try response(json: body(for: task), status: status)
    }

    /// A page of tasks in this representation.
    func listResponse(_ tasks: [TaskItem], next: String?) throws -> Response {
        try response(
            json: ["items": .array(tasks.map(body(for:))), "next": next.map(JSONValue.string) ?? .null],
            status: .ok)
    }

    func response(json: JSONValue, status: HTTPStatus) throws -> Response {
        var response = try Response.json(json, status: status)
        response.headers["Content-Type"] = mediaType
        response.headers["Vary"] = "Accept"
        return response
    }

    /// A request body (or merge patch) sent in this version, in the shape `TaskInput` checks.
    /// In v2 the assignee is an object: `{"assignee": {"username": "dewi"}}` becomes
    /// `{"assignee": "dewi"}`; `null` stays `null`.
    func canonicalInput(_ body: JSONValue) -> JSONValue {
        guard version == .v2, case .object(var members) = body, let assignee = members["assignee"],
            assignee.object != nil, let username = assignee["username"]
        else { return body }
        members["assignee"] = username
        return .object(members)
    }

    /// The ETag of a task in this representation. Two representations of one version of a task
    /// are different bytes, so they need different strong ETags: `"v3"` in API v1 (as before),
    /// `"v3-api2"` in API v2.
    func etag(for task: TaskItem) -> String {
        switch version {
        case .v1: ETags.tag(for: task)
        case .v2: "\"v\(task.version)-api2\""
        }
    }
}

/// A place where the task routes are served, and the representations it offers, best first.
///
/// `/tasks` is the original address: old clients use it, so it still answers v1 unless the
/// client asks for v2 by media type. `/v1/tasks` and `/v2/tasks` always answer their version.
struct APIMount: Sendable {
    let base: String
    let offers: [Representation]

    static let unversioned = APIMount(
        base: "/tasks",
        offers: [
            Representation(mediaType: "application/json", version: .v1),
            Representation(mediaType: APIVersion.v1.vendorMediaType, version: .v1),
            Representation(mediaType: APIVersion.v2.vendorMediaType, version: .v2),
        ])
    static let v1 = APIMount(
        base: "/v1/tasks",
        offers: [
            Representation(mediaType: "application/json", version: .v1),
            Representation(mediaType: APIVersion.v1.vendorMediaType, version: .v1),
        ])
    static let v2 = APIMount(
        base: "/v2/tasks",
        offers: [
            Representation(mediaType: "application/json", version: .v2),
            Representation(mediaType: APIVersion.v2.vendorMediaType, version: .v2),
        ])
    static let all = [unversioned, v1, v2]

    /// The representation this request's `Accept` header prefers; 406 Not Acceptable when it
    /// allows none of the offers. Call it before doing anything, so a 406 changes nothing.
    func representation(for request: Request) throws -> Representation {
        let accept = request.headers["Accept"]
        let types = offers.map(\.mediaType)
        guard let chosen = ContentNegotiation.choose(from: types, accept: accept),
            let offer = offers.first(where: { $0.mediaType == chosen })
        else {
            throw HTTPError(
                .notAcceptable,
                detail:
                    "\(base) can answer as \(types.joined(separator: ", ")); the Accept header \"\(accept ?? "")\" allows none of them."
            )
        }
        return offer
    }
}
