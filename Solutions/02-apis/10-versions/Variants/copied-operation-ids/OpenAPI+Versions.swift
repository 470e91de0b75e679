import BackendKit

extension OpenAPI {
    /// The document with the versions added, so it keeps telling the truth: every task operation
    /// can now answer 406, and the task routes exist three times: under `/tasks` (as before),
    /// `/v1/tasks` (the same), and `/v2/tasks` (with the v2 task).
    static func addingVersions(to document: JSONValue) -> JSONValue {
        guard case .object(var root) = document, case .object(var paths)? = root["paths"] else {
            return document
        }
        let taskPaths = paths.keys.filter { $0 == "/tasks" || $0.hasPrefix("/tasks/") }
        for path in taskPaths {
            guard let item = paths[path] else { continue }
            let negotiated = adding406(to: item)
            paths[path] = negotiated
            paths["/v1" + path] = negotiated
            paths["/v2" + path] = replacingReferences(
                in: negotiated,
                [
                    "#/components/schemas/Task": "#/components/schemas/TaskV2",
                    "#/components/schemas/TaskList": "#/components/schemas/TaskListV2",
                ])
        }
        root["paths"] = .object(paths)
        if case .object(var components)? = root["components"],
            case .object(var schemas)? = components["schemas"],
            case .object(var task)? = schemas["Task"], case .object(var properties)? = task["properties"]
        {
            properties["assignee"] = [
                "oneOf": [
                    [
                        "type": "object", "required": ["username"],
                        "properties": ["username": ["type": "string"]],
                    ],
                    ["type": "null"],
                ]
            ]
            task["properties"] = .object(properties)
            schemas["TaskV2"] = .object(task)
            schemas["TaskListV2"] = [
                "type": "object", "required": ["items", "next"],
                "properties": [
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/TaskV2"]],
                    "next": ["type": ["string", "null"]],
                ],
            ]
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

    private static func adding406(to item: JSONValue) -> JSONValue {
        guard case .object(var members) = item else { return item }
        for method in methods {
            guard case .object(var operation)? = members[method],
                case .object(var responses)? = operation["responses"]
            else { continue }
            responses["406"] = [
                "description": "The Accept header allows none of the representations this path offers."
            ]
            operation["responses"] = .object(responses)
            members[method] = .object(operation)
        }
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
