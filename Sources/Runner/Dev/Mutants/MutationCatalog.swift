/// Every mechanical mutation of one Swift file that `dev mutants` knows, in file order per operator.
///
/// Each operator imitates a mistake learners make in backend code: a status code one off from the
/// right one, a forgotten statement, a condition turned round or loosened, a value pasted into SQL
/// instead of bound, a missing transaction, a missing header, a database rule left out. Mutations
/// that leave the file as it was, or repeat another one's result, are dropped.
struct MutationCatalog {
    let file: String
    let map: SwiftSourceMap

    init(file: String, text: String) {
        self.file = file
        map = SwiftSourceMap(text)
    }

    /// The mutations, each giving a different file.
    func mutations() -> [Mutation] {
        let all =
            statusCodes() + headers() + conditions() + sqlConditions() + sqlRules() + sqlLines()
            + boundValues() + transactions() + droppedStatements()
        var seen = Set<[UInt8]>([map.bytes])
        return all.filter { seen.insert($0.apply(to: map.bytes)).inserted }
    }

    func mutation(_ kind: Mutation.Operator, _ edits: Mutation.Edit...) -> Mutation {
        Mutation(file: file, kind: kind, edits: edits)
    }

    // MARK: - Status codes

    /// The neighbours a status code is confused with.
    static let statusNeighbours: [(Int, Int)] = [
        (201, 200), (204, 200), (404, 400), (409, 400), (422, 400), (412, 409), (304, 200),
    ]
    /// BackendKit's names for those codes (`HTTPStatus.created`, ...).
    static let statusNames: [Int: String] = [
        200: "ok", 201: "created", 204: "noContent", 304: "notModified", 400: "badRequest", 404: "notFound",
        409: "conflict", 412: "preconditionFailed", 422: "unprocessableContent",
    ]
    /// The statuses `HTTPError` has a one-argument helper for (`HTTPError.notFound("…")`).
    static let errorHelpers: Set<String> = ["badRequest", "notFound", "conflict"]

    static func neighbours(of code: Int) -> [Int] {
        statusNeighbours.compactMap { $0.0 == code ? $0.1 : ($0.1 == code ? $0.0 : nil) }
    }

    private func statusCodes() -> [Mutation] {
        var found: [Mutation] = []
        let starts = map.lineStarts
        for (code, name) in Self.statusNames.sorted(by: { $0.key < $1.key }) {
            let neighbours = Self.neighbours(of: code)
            // A bare number is a status code only on a line that says so (`status: 201`).
            for number in map.words(String(code), in: .code)
            where lineText(of: number, starts: starts).lowercased().contains("status") {
                for other in neighbours {
                    found.append(mutation(.statusCode, .init(number..<number + 3, String(other))))
                }
            }
            for dot in map.matches(".\(name)", in: .code) {
                let end = dot + 1 + name.utf8.count
                if end < map.bytes.count && SwiftSourceMap.isWordByte(map.bytes[end]) { continue }
                let calls = end < map.bytes.count && map.bytes[end] == UInt8(ascii: "(")
                if !calls {
                    for other in neighbours {
                        found.append(mutation(.statusCode, .init(dot + 1..<end, Self.statusNames[other]!)))
                    }
                } else if Self.errorHelpers.contains(name) {
                    for other in neighbours where Self.errorHelpers.contains(Self.statusNames[other]!) {
                        found.append(mutation(.statusCode, .init(dot + 1..<end, Self.statusNames[other]!)))
                    }
                } else if name == "noContent", let close = map.closing(end), close == end + 1 {
                    found.append(mutation(.statusCode, .init(dot..<close + 1, "Response(status: .ok)")))
                } else if name == "created", let arguments = map.arguments(of: end), arguments.count == 2,
                    let close = map.closing(end)
                {
                    let location = map.text(arguments[1])
                    guard location.hasPrefix("location:") else { continue }
                    let value = location.dropFirst("location:".count).trimmingCharacters(in: .whitespaces)
                    found.append(
                        mutation(
                            .statusCode,
                            .init(
                                dot..<close + 1,
                                ".json(\(map.text(arguments[0]))).with(\"Location\", \(value))")))
                    found.append(
                        mutation(
                            .header,
                            .init(dot..<close + 1, ".json(\(map.text(arguments[0])), status: .created)")))
                }
            }
        }
        return found
    }

    func lineText(of offset: Int, starts: [Int]) -> String {
        let line = map.line(of: offset, starts: starts)
        return map.text(starts[line]..<(line + 1 < starts.count ? starts[line + 1] : map.bytes.count))
    }

    // MARK: - Conditions

    /// Swift's comparisons and their mistaken neighbours.
    static let comparisons: [(String, String)] = [
        (" == ", " != "), (" != ", " == "), (" < ", " <= "), (" <= ", " < "), (" > ", " >= "),
        (" >= ", " > "),
        (" && ", " || "),
    ]

    private func conditions() -> [Mutation] {
        Self.comparisons.flatMap { from, to in
            map.matches(from, in: .code).map { mutation(.condition, .init($0..<$0 + from.utf8.count, to)) }
        }
    }

    // MARK: - Headers

    /// `.with("Name", value)` removed; `headers: [...]` emptied; `x.headers["Name"] = value` dropped.
    private func headers() -> [Mutation] {
        var found: [Mutation] = []
        for dot in map.matches(".with(", in: .code) {
            guard let close = map.closing(dot + 5) else { continue }
            found.append(mutation(.header, .init(dot..<close + 1, "")))
        }
        for label in map.matches("headers: [", in: .code) {
            let open = label + "headers: ".utf8.count
            guard let close = map.closing(open), map.text(open..<close + 1) != "[:]" else { continue }
            found.append(mutation(.header, .init(open..<close + 1, "[:]")))
        }
        let starts = map.lineStarts
        for subscriptStart in map.matches(".headers[", in: .code) {
            let line = map.line(of: subscriptStart, starts: starts)
            let end = line + 1 < starts.count ? starts[line + 1] : map.bytes.count
            let text = map.text(starts[line]..<end)
            guard let close = map.closing(subscriptStart + ".headers".utf8.count),
                map.text(close + 1..<min(close + 4, map.bytes.count)) == " = ",
                !text.contains("guard "), !text.contains("let ")
            else { continue }
            found.append(mutation(.header, .init(starts[line]..<end, "")))
        }
        return found
    }
}
