import BackendKit
import Foundation
import GraderKit

/// The OpenAPI document the learner's server serves, with `$ref`s followed on demand. Shared by
/// the checks of api09 and api10, which both hold the document to what the server really does.
struct OpenAPIDocument {
    struct Operation {
        /// The path as written (`/tasks/{taskId}`) and its normalized key (`/tasks/{}`).
        let path: String
        let key: String
        let method: String
        let value: JSONValue
        let pathItem: JSONValue
        var name: String { "\(method) \(path)" }
    }

    let root: JSONValue

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The node a local reference (`#/components/schemas/Task`) points at, or nil.
    func target(of ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return ref == "#" ? root : nil }
        return ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false).reduce(
            Optional(root)
        ) { node, part in
            let name = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(
                of: "~0", with: "~")
            if let index = Int(name), let array = node?.array {
                return array.indices.contains(index) ? array[index] : nil
            }
            return node?[name]
        }
    }

    /// Follows local references (`#/components/...`), a few levels deep.
    func resolve(_ value: JSONValue?) -> JSONValue? {
        var current = value
        for _ in 0..<8 {
            guard let ref = current?["$ref"]?.string else { return current }
            current = target(of: ref)
        }
        return current
    }

    var operations: [Operation] {
        guard let paths = root["paths"]?.object else { return [] }
        return paths.keys.sorted().flatMap { path -> [Operation] in
            guard let item = resolve(paths[path]) else { return [] }
            return Self.methods.compactMap { method in
                item[method].map {
                    Operation(
                        path: path, key: normalizedPath(path), method: method.uppercased(), value: $0,
                        pathItem: item)
                }
            }
        }
    }

    func operation(_ method: String, _ key: String) -> Operation? {
        operations.first { $0.method == method && $0.key == key }
    }

    /// The explicit status codes an operation documents ("default" and "4XX" do not count).
    func statuses(_ operation: Operation) -> Set<Int> {
        Set((operation.value["responses"]?.object ?? [:]).keys.compactMap { $0.count == 3 ? Int($0) : nil })
    }

    /// The parameters of an operation (its own and its path's), as (name, location).
    func parameters(_ operation: Operation) -> [(name: String, location: String)] {
        let all =
            (operation.pathItem["parameters"]?.array ?? []) + (operation.value["parameters"]?.array ?? [])
        return all.compactMap { resolve($0) }.compactMap { parameter in
            guard let name = parameter["name"]?.string, let location = parameter["in"]?.string else {
                return nil
            }
            return (name, location)
        }
    }

    /// The documented response of `operation` for `status`: the exact code, then `4XX`, then
    /// `default`, as OpenAPI reads them.
    func documentedResponse(_ operation: Operation, status: Int) -> JSONValue? {
        let responses = operation.value["responses"]
        return resolve(responses?[String(status)] ?? responses?["\(status / 100)XX"] ?? responses?["default"])
    }

    /// The documented schema of a request body sent as `mediaType`, or nil.
    func requestSchema(_ operation: Operation, mediaType: String) -> JSONValue? {
        resolve(resolve(operation.value["requestBody"])?["content"]?[mediaType]?["schema"])
    }
}

/// `/tasks/{taskId}` → `/tasks/{}`, so parameter names do not matter.
func normalizedPath(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : String($0) }.joined(separator: "/")
}

extension OpenAPIDocument {
    /// What a validator such as openapi-spec-validator refuses: an `operationId` used twice (code
    /// generators name a function after it), a `$ref` that points nowhere, a response without a
    /// description, a path parameter that is not declared. Each in the run's language.
    func structureProblems() -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        for operation in operations {
            if let id = operation.value["operationId"]?.string {
                if let first = seen[id] {
                    problems.append(
                        Words(
                            "the operationId \"\(id)\" is used by \(first) and again by \(operation.name)",
                            id:
                                "operationId \"\(id)\" dipakai oleh \(first), lalu dipakai lagi oleh \(operation.name)"
                        ).text)
                } else {
                    seen[id] = operation.name
                }
            }
            for (code, response) in operation.value["responses"]?.object ?? [:]
            where resolve(response)?["description"]?.string == nil {
                problems.append(
                    Words(
                        "\(operation.name): the response \(code) has no \"description\"",
                        id: "\(operation.name): response \(code) tidak punya \"description\""
                    ).text)
            }
            let declared = Set(parameters(operation).filter { $0.location == "path" }.map(\.name))
            for segment in operation.path.split(separator: "/") where segment.hasPrefix("{") {
                let name = String(segment.dropFirst().dropLast())
                if !declared.contains(name) {
                    problems.append(
                        Words(
                            "\(operation.name): the path parameter {\(name)} is not declared in \"parameters\"",
                            id:
                                "\(operation.name): parameter path {\(name)} tidak dideklarasikan di \"parameters\""
                        ).text)
                }
            }
        }
        var refs: [(at: String, ref: String)] = []
        collectRefs(root, at: "#", into: &refs)
        for (at, ref) in refs where target(of: ref) == nil {
            problems.append(
                Words(
                    "\(at): the $ref \"\(ref)\" points at nothing in the document",
                    id: "\(at): $ref \"\(ref)\" tidak menunjuk ke apa pun di dokumen"
                ).text)
        }
        return problems
    }

    private func collectRefs(
        _ value: JSONValue, at path: String, into refs: inout [(at: String, ref: String)]
    ) {
        switch value {
        case .object(let members):
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if name == "$ref", let ref = member.string {
                    refs.append((path, ref))
                } else {
                    collectRefs(member, at: path + "/" + name, into: &refs)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collectRefs(element, at: "\(path)/\(index)", into: &refs)
            }
        default:
            break
        }
    }

    /// Where a live answer differs from what the document says for its status: a media type the
    /// document does not list, a body its schema refuses, content documented for an empty answer.
    /// Empty when the status itself is not documented (another check reports that). `what` (the
    /// request that was sent) and the problems are in the run's language.
    func answerProblems(_ operation: Operation, sent what: String, response: ClientResponse) -> [String] {
        guard let documented = documentedResponse(operation, status: response.status) else { return [] }
        let said = Words(
            "\(operation.name) with \(what) answered \(response.status)",
            id: "\(operation.name) dengan \(what) dijawab \(response.status)")
        let content = documented["content"]?.object ?? [:]
        guard !response.body.isEmpty else {
            let described = content.keys.sorted().joined(separator: ", ")
            return content.isEmpty || operation.method == "HEAD"
                ? []
                : [
                    Words(
                        "\(said.en) with no body, but the document describes a body (\(described))",
                        id: "\(said[.id]) tanpa body, tapi dokumennya mendeskripsikan body (\(described))"
                    ).text
                ]
        }
        let mediaType =
            response.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(
                in: .whitespaces
            )
            .lowercased() ?? ""
        guard let entry = content[mediaType] else {
            let listed = content.keys.sorted().joined(separator: ", ")
            let english =
                "\(said.en) as \(mediaType.isEmpty ? "no Content-Type" : mediaType), but the document lists \(listed.isEmpty ? "no body" : listed) for it"
            let indonesian =
                "\(said[.id]) \(mediaType.isEmpty ? "tanpa Content-Type" : "sebagai \(mediaType)"), tapi untuk status itu dokumennya \(listed.isEmpty ? "tidak mencantumkan body" : "mencantumkan \(listed)")"
            return [Words(english, id: indonesian).text]
        }
        guard let schema = resolve(entry["schema"]), let body = try? response.json() else { return [] }
        return schemaProblems(body, schema, at: Words("the body", id: "body").text).map {
            Words("\(said.en) as \(mediaType): \($0)", id: "\(said[.id]) sebagai \(mediaType): \($0)").text
        }
    }

    /// Checks `value` against the JSON Schema keywords the Tasks API's document uses. Lengths are
    /// counted in code points, as JSON Schema does. `place` ("the body", "the request body") and the
    /// problems are in the run's language.
    func schemaProblems(_ value: JSONValue, _ schema: JSONValue, at place: String, depth: Int = 0) -> [String]
    {
        guard depth < 16, let schema = resolve(schema), schema.object != nil else { return [] }
        for keyword in ["oneOf", "anyOf"] {
            if let options = schema[keyword]?.array {
                let fits = options.filter { schemaProblems(value, $0, at: place, depth: depth + 1).isEmpty }
                    .count
                if keyword == "oneOf" ? fits != 1 : fits == 0 {
                    return [
                        Words(
                            "\(place) is \(value), which fits \(fits) of the \(options.count) choices of its \(keyword)",
                            id:
                                "\(place) bernilai \(value), yang cocok dengan \(fits) dari \(options.count) pilihan di \(keyword)-nya"
                        ).text
                    ]
                }
            }
        }
        if let types = schema["type"].map({ $0.array?.compactMap(\.string) ?? [$0.string ?? ""] }),
            !types.contains(where: { Self.kind(value, is: $0) })
        {
            return [
                Words(
                    "\(place) should be \(types.joined(separator: " or ")), but it is \(value.kind.en): \(value)",
                    id:
                        "\(place) seharusnya bertipe \(types.joined(separator: " atau ")), tapi isinya \(value.kind[.id]): \(value)"
                ).text
            ]
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            let listed = allowed.map(\.description).joined(separator: ", ")
            return [
                Words(
                    "\(place) is \(value), which is not one of \(listed)",
                    id: "\(place) bernilai \(value), yang bukan salah satu dari \(listed)"
                ).text
            ]
        }
        if let constant = schema["const"], constant != value {
            return [
                Words(
                    "\(place) is \(value), but the document says it is always \(constant)",
                    id: "\(place) bernilai \(value), padahal menurut dokumennya nilainya selalu \(constant)"
                ).text
            ]
        }
        var problems: [String] = []
        if let text = value.string {
            let length = text.unicodeScalars.count
            if let minimum = schema["minLength"]?.int, length < minimum {
                problems.append(
                    Words(
                        "\(place) has \(length) code points, fewer than its minLength \(minimum)",
                        id: "\(place) punya \(length) code point, kurang dari minLength-nya \(minimum)"
                    ).text)
            }
            if let maximum = schema["maxLength"]?.int, length > maximum {
                problems.append(
                    Words(
                        "\(place) has \(length) code points, more than its maxLength \(maximum)",
                        id: "\(place) punya \(length) code point, lebih dari maxLength-nya \(maximum)"
                    ).text)
            }
            if let pattern = schema["pattern"]?.string,
                let regex = try? NSRegularExpression(pattern: pattern),
                regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
            {
                problems.append(
                    Words(
                        "\(place) is \(value), which does not match its pattern \(pattern)",
                        id: "\(place) bernilai \(value), yang tidak cocok dengan pattern-nya \(pattern)"
                    ).text)
            }
        }
        if case .object(let members) = value {
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                problems.append(
                    Words(
                        "\(place) has no member \"\(name)\", which the document says is required",
                        id:
                            "\(place) tidak punya member \"\(name)\", padahal menurut dokumennya member itu wajib"
                    ).text)
            }
            let properties = schema["properties"]?.object ?? [:]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    problems += schemaProblems(member, property, at: "\(place).\(name)", depth: depth + 1)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append(
                        Words(
                            "\(place) has the member \"\(name)\", which the document does not allow",
                            id: "\(place) punya member \"\(name)\", yang tidak diizinkan oleh dokumennya"
                        ).text)
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                problems += schemaProblems(element, items, at: "\(place)[\(index)]", depth: depth + 1)
            }
        }
        return problems
    }

    private static func kind(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number): return value.int != nil
        default: return false
        }
    }
}
