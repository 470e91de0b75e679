/// A route path such as `/books/:id/loans` or `/files/*`, split into segments for matching.
struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        /// `*` as the last segment: matches the rest of the path (captured as parameter `*`).
        case rest
    }

    let segments: [Segment]
    let text: String

    /// Why a pattern is refused, with a message that names it.
    struct Invalid: Error, Equatable, CustomStringConvertible {
        let pattern: String
        let reason: String
        var description: String { "The route \"\(pattern)\" is invalid: \(reason)" }
    }

    init(_ text: String) throws(Invalid) {
        guard text.hasPrefix("/") else {
            throw Invalid(pattern: text, reason: "a route must start with \"/\", like \"/\(text)\".")
        }
        self.text = text
        var segments: [Segment] = []
        var names = Set<String>()
        let parts = RoutePattern.split(text)
        for (index, part) in parts.enumerated() {
            if part == "*" {
                guard index == parts.count - 1 else {
                    throw Invalid(pattern: text, reason: "\"*\" may only be the last segment.")
                }
                segments.append(.rest)
            } else if part.hasPrefix(":") {
                let name = String(part.dropFirst())
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw Invalid(
                        pattern: text,
                        reason: "\"\(part)\" needs a name made of letters, digits and _, like \":id\".")
                }
                guard names.insert(name).inserted else {
                    throw Invalid(pattern: text, reason: "the parameter \":\(name)\" appears twice.")
                }
                segments.append(.parameter(name))
            } else {
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
    }

    var description: String { text }

    /// Path segments without empty ones, so `/books/` and `/books` are the same route.
    static func split(_ path: some StringProtocol) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// Matches decoded path segments; returns captured parameters, or `nil` when the path does not fit.
    func match(_ path: [String]) -> [String: String]? {
        var captured: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest:
                captured["*"] = path[index...].joined(separator: "/")
                return captured
            case .literal(let literal):
                guard index < path.count, path[index] == literal else { return nil }
            case .parameter(let name):
                guard index < path.count, !path[index].isEmpty else { return nil }
                captured[name] = path[index]
            }
        }
        return path.count == segments.count ? captured : nil
    }

    /// Higher for more literal segments earlier, so `/books/new` wins over `/books/:id`.
    var specificity: Int {
        segments.enumerated().reduce(0) { score, item in
            switch item.element {
            case .literal: score + (1 << (20 - min(item.offset, 19)))
            case .parameter: score + 1
            case .rest: score
            }
        }
    }
}
