import BackendKit

extension OpenAPI {
    /// The document with the versions added, so it keeps telling the truth: the task routes exist
    /// three times, under `/tasks` (as before, with v2 on request), `/v1/tasks` and `/v2/tasks`;
    /// each answer lists every media type its mount offers (`APIMount.offers`, the same list the
    /// server negotiates with) with the task schema of that version; every task operation can
    /// answer 406 with a problem document; and each copy of an operation has its own operationId.
    static func addingVersions(to document: JSONValue) -> JSONValue {
        guard case .object(var root) = document, case .object(let paths)? = root["paths"] else {
            return document
        }
        var versionedPaths = paths
        for path in paths.keys where path == "/tasks" || path.hasPrefix("/tasks/") {
            guard let item = paths[path] else { continue }
            for mount in APIMount.all {
                versionedPaths[mount.base + path.dropFirst("/tasks".count)] = versioned(item, for: mount)
            }
        }
        root["paths"] = .object(versionedPaths)
        if case .object(var components)? = root["components"],
            case .object(var schemas)? = components["schemas"]
        {
            schemas["AssigneeV2"] = [
                "type": "object", "required": ["username"],
                "properties": ["username": ["$ref": "#/components/schemas/Username"]],
            ]
            for name in ["Task", "TaskInput", "TaskPatch"] {
                schemas[name + "V2"] = withV2Assignee(schemas[name])
            }
            schemas["TaskListV2"] = replacingReferences(in: schemas["TaskList"] ?? [:], v2Schemas)
            components["schemas"] = .object(schemas)
            root["components"] = .object(components)
        }
        if case .object(var info)? = root["info"] {
            info["version"] = "2.0.0"
            info["description"] = .string(
                (info["description"]?.string ?? "")
                    + " Tasks are served at /tasks (v1, unless Accept asks for "
                    + "application/vnd.tasks.v2+json), /v1/tasks and /v2/tasks.")
            root["info"] = .object(info)
        }
        return .object(root)
    }

    private static let methods = ["get", "put", "post", "patch", "delete"]

    /// The references that change in version 2: its answers carry `TaskV2`, its bodies `TaskInputV2`.
    private static let v2Schemas = [
        "#/components/schemas/Task": "#/components/schemas/TaskV2",
        "#/components/schemas/TaskList": "#/components/schemas/TaskListV2",
    ]
    private static let v2Inputs = [
        "#/components/schemas/TaskInput": "#/components/schemas/TaskInputV2",
        "#/components/schemas/TaskPatch": "#/components/schemas/TaskPatchV2",
    ]

    /// One path item as `mount` serves it.
    private static func versioned(_ item: JSONValue, for mount: APIMount) -> JSONValue {
        guard case .object(var members) = item else { return item }
        // "/v2/tasks" gives "V2"; the original "/tasks" keeps the original operationIds.
        let suffix = mount.base == "/tasks" ? "" : mount.base.dropFirst().prefix(2).uppercased()
        let bodiesAreV2 = mount.offers.allSatisfy { $0.version == .v2 }
        for method in methods {
            guard case .object(var operation)? = members[method] else { continue }
            if let id = operation["operationId"]?.string { operation["operationId"] = .string(id + suffix) }
            if bodiesAreV2, let body = operation["requestBody"] {
                operation["requestBody"] = replacingReferences(in: body, v2Inputs)
            }
            if case .object(var responses)? = operation["responses"] {
                for (code, response) in responses {
                    responses[code] = offering(response, mount.offers)
                }
                responses["406"] = ["$ref": "#/components/responses/Problem"]
                operation["responses"] = .object(responses)
            }
            members[method] = .object(operation)
        }
        return .object(members)
    }

    /// A response whose body is a task (or a page of tasks) as JSON, with one content entry per
    /// representation the mount offers, each with the schema of its version.
    private static func offering(_ response: JSONValue, _ offers: [Representation]) -> JSONValue {
        guard case .object(var members) = response,
            let schema = response["content"]?["application/json"]?["schema"]
        else { return response }
        var content: [String: JSONValue] = [:]
        for offer in offers {
            let versioned = offer.version == .v2 ? replacingReferences(in: schema, v2Schemas) : schema
            content[offer.mediaType] = ["schema": versioned]
        }
        members["content"] = .object(content)
        return .object(members)
    }

    /// A task schema with the v2 assignee: `{"username": "dewi"}` or `null`.
    private static func withV2Assignee(_ schema: JSONValue?) -> JSONValue {
        guard case .object(var members)? = schema, case .object(var properties)? = members["properties"]
        else {
            return schema ?? [:]
        }
        properties["assignee"] = ["oneOf": [["$ref": "#/components/schemas/AssigneeV2"], ["type": "null"]]]
        members["properties"] = .object(properties)
        return .object(members)
    }

    private static func replacingReferences(in value: JSONValue, _ replacements: [String: String])
        -> JSONValue
    {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (name, member) in members {
                if name == "$ref", let ref = member.string, let replacement = replacements[ref] {
                    result[name] = .string(replacement)
                } else {
                    result[name] = replacingReferences(in: member, replacements)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { replacingReferences(in: $0, replacements) })
        default:
            return value
        }
    }
}
