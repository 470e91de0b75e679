import BackendKit
import Foundation
import GraderKit

/// A Containerfile (a Dockerfile: Podman and Docker read the same format), parsed as a builder
/// reads it, so the release checks judge what `docker build` would do and not how the text looks.
///
/// What it understands: parser directives (`# escape=`), comments (also between continued lines),
/// line continuations, instructions in any case, here-documents (`RUN <<EOF`), stages
/// (`FROM image AS name`), exec form (a JSON array) and shell form, `ENV` in both of its forms,
/// `ARG` (global before the first `FROM`, redeclared in a stage), and `$NAME`, `${NAME}`,
/// `${NAME:-default}` and `${NAME:+word}` in the instructions that expand them. Text it cannot
/// read is a ``Problem`` naming the line, never a crash.
struct Containerfile {
    /// One instruction, continuations joined.
    struct Instruction {
        /// Upper case: `RUN`, `COPY`, …
        let keyword: String
        /// The rest of the instruction as written (a here-document's lines included).
        let arguments: String
        /// The line it starts on, counted from 1.
        let line: Int

        /// The arguments as a JSON array of strings (exec form), or nil for shell form.
        var execForm: [String]? { Containerfile.jsonArray(arguments) }

        /// The arguments as words (exec form's elements, or shell words), with `--flags` kept.
        var words: [String] { execForm ?? Containerfile.shellWords(arguments) }

        /// The value of a `--name=value` flag at the start of the arguments (`COPY --from=build`).
        func flag(_ name: String) -> String? {
            for word in Containerfile.shellWords(arguments) {
                guard word.hasPrefix("--") else { break }
                if word.lowercased().hasPrefix("--\(name)=") { return String(word.dropFirst(name.count + 3)) }
            }
            return nil
        }

        /// The arguments without the leading `--flags`.
        var operands: [String] {
            if let exec = execForm { return exec }
            return Array(Containerfile.shellWords(arguments).drop { $0.hasPrefix("--") })
        }
    }

    /// One stage: from a `FROM` to the next.
    struct Stage {
        /// 0 for the first stage; `COPY --from=0` names it so.
        let index: Int
        /// The image as written after `FROM`, flags left out, variables of global `ARG`s expanded.
        let image: String
        /// The name after `AS`, in lower case, or nil.
        let name: String?
        /// The line of its `FROM`.
        let line: Int
        /// Its instructions after the `FROM`.
        let instructions: [Instruction]
        /// The stage it starts from when `image` names an earlier stage.
        let parent: Int?

        func all(_ keyword: String) -> [Instruction] { instructions.filter { $0.keyword == keyword } }

        /// How `FROM … AS name` or `COPY --from=` refers to this stage.
        var label: String { name ?? "\(index)" }
    }

    /// Something in the text a builder would refuse, with the line it is on.
    struct Problem: Error {
        let line: Int
        let message: Words
    }

    let stages: [Stage]
    /// `ARG`s before the first `FROM`, with their defaults ("" when none).
    let globalArguments: [String: String]

    /// The instructions a builder knows (Docker's reference, which Podman's Buildah follows).
    static let keywords: Set<String> = [
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
        "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    /// The stage whose image is built: the last one.
    var runtime: Stage { stages[stages.count - 1] }

    /// The stage `reference` names (`build`, or `0`), if it is an earlier stage.
    func stage(named reference: String) -> Stage? {
        let wanted = reference.lowercased()
        return stages.first { $0.name == wanted }
            ?? Int(wanted).flatMap { stages.indices.contains($0) ? stages[$0] : nil }
    }

    init(parsing text: String) throws(Problem) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let escape = Self.escapeCharacter(lines)
        var instructions: [Instruction] = []
        var number = 0
        while number < lines.count {
            var start = number
            var joined = ""
            var continued = true
            while continued && number < lines.count {
                let line = lines[number]
                number += 1
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                // A comment or a blank line is left out, also between continued lines.
                if trimmed.hasPrefix("#") || trimmed.isEmpty {
                    if joined.isEmpty { start = number }
                    if joined.isEmpty && trimmed.isEmpty { break }
                    continue
                }
                var body = line
                while body.last == " " || body.last == "\t" { body.removeLast() }
                continued = body.last == escape
                if continued { body.removeLast() }
                joined += body + (continued ? " " : "")
            }
            let trimmed = joined.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let keyword = String(trimmed.prefix { !$0.isWhitespace }).uppercased()
            var arguments = String(trimmed.dropFirst(keyword.count)).trimmingCharacters(in: .whitespaces)
            guard Self.keywords.contains(keyword) else {
                throw Problem(
                    line: start + 1,
                    message: Words(
                        "\"\(keyword.prefix(40))\" is not an instruction a builder knows (FROM, RUN, COPY, ENV, USER, EXPOSE, ENTRYPOINT, …). Is a line above it missing its \\ at the end, or is this a comment without its #?",
                        id:
                            "\"\(keyword.prefix(40))\" bukan instruksi yang dikenal builder (FROM, RUN, COPY, ENV, USER, EXPOSE, ENTRYPOINT, …). Apakah baris di atasnya kurang \\ di ujungnya, atau ini komentar tanpa #?"
                    ))
            }
            guard !arguments.isEmpty else {
                throw Problem(
                    line: start + 1,
                    message: Words(
                        "\(keyword) needs arguments, and this one has none.",
                        id: "\(keyword) butuh argumen, dan yang ini tidak punya."))
            }
            // Here-documents: `RUN <<EOF` takes the lines up to the one that is exactly `EOF`.
            for (delimiter, stripsTabs) in Self.hereDocumentDelimiters(arguments) {
                var closed = false
                while number < lines.count {
                    let line = lines[number]
                    number += 1
                    let compared = stripsTabs ? String(line.drop { $0 == "\t" }) : line
                    if compared == delimiter {
                        closed = true
                        break
                    }
                    arguments += "\n" + line
                }
                guard closed else {
                    throw Problem(
                        line: start + 1,
                        message: Words(
                            "the here-document that starts here (<<\(delimiter)) never ends: no line is exactly \(delimiter).",
                            id:
                                "here-document yang dimulai di sini (<<\(delimiter)) tidak pernah berakhir: tidak ada baris yang persis \(delimiter)."
                        ))
                }
            }
            instructions.append(Instruction(keyword: keyword, arguments: arguments, line: start + 1))
        }
        (stages, globalArguments) = try Self.stages(of: instructions)
    }

    /// The stages of `instructions`, and the global `ARG`s before the first `FROM`.
    private static func stages(of instructions: [Instruction]) throws(Problem) -> ([Stage], [String: String])
    {
        var globals: [String: String] = [:]
        var index = 0
        while index < instructions.count, instructions[index].keyword != "FROM" {
            let instruction = instructions[index]
            guard instruction.keyword == "ARG" else {
                throw Problem(
                    line: instruction.line,
                    message: Words(
                        "\(instruction.keyword) comes before the first FROM; only ARG may (a stage starts at FROM).",
                        id:
                            "\(instruction.keyword) muncul sebelum FROM pertama; hanya ARG yang boleh (sebuah stage dimulai di FROM)."
                    ))
            }
            for (name, value) in arguments(instruction) { globals[name] = value ?? "" }
            index += 1
        }
        guard index < instructions.count else {
            throw Problem(
                line: max(1, instructions.last?.line ?? 1),
                message: Words(
                    "there is no FROM line: a Containerfile starts each stage with FROM <image>.",
                    id: "tidak ada baris FROM: Containerfile memulai setiap stage dengan FROM <image>."))
        }
        var stages: [Stage] = []
        while index < instructions.count {
            let from = instructions[index]
            let words = shellWords(from.arguments).filter { !$0.hasPrefix("--") }
            guard words.count == 1 || (words.count == 3 && words[1].uppercased() == "AS") else {
                throw Problem(
                    line: from.line,
                    message: Words(
                        "FROM takes an image and optionally AS and a name (FROM swift:6.3.1-noble AS build), not \"\(from.arguments.prefix(80))\".",
                        id:
                            "FROM menerima sebuah image dan, kalau perlu, AS dan sebuah nama (FROM swift:6.3.1-noble AS build), bukan \"\(from.arguments.prefix(80))\"."
                    ))
            }
            let image = expand(words[0], globals)
            let name = words.count == 3 ? words[2].lowercased() : nil
            index += 1
            var body: [Instruction] = []
            while index < instructions.count, instructions[index].keyword != "FROM" {
                body.append(instructions[index])
                index += 1
            }
            let parent = stages.first { $0.name == image.lowercased() }?.index
            stages.append(
                Stage(
                    index: stages.count, image: image, name: name, line: from.line, instructions: body,
                    parent: parent))
        }
        return (stages, globals)
    }

    // MARK: - What a stage's container sees

    /// The environment a stage's container starts with: its `ENV`s (and its parent stage's), in
    /// order, each value expanded with what was set before it and with the stage's `ARG`s, which
    /// take `buildArguments` (`--build-arg NAME=value`) first, then their defaults.
    func environment(of stage: Stage, buildArguments: [String: String] = [:]) -> [String: String] {
        environmentAndArguments(of: stage, buildArguments).environment
    }

    /// The names a stage's `ARG`s declare (a global `ARG` is seen in a stage only when redeclared).
    func argumentNames(of stage: Stage) -> Set<String> {
        Set(stage.all("ARG").flatMap { Self.arguments($0).map(\.0) })
    }

    /// `text` with the variables a stage's instructions see (its `ENV`s and `ARG`s) expanded.
    func expand(_ text: String, in stage: Stage) -> String {
        let known = environmentAndArguments(of: stage, [:])
        return Self.expand(text, known.arguments.merging(known.environment) { _, set in set })
    }

    private func environmentAndArguments(of stage: Stage, _ buildArguments: [String: String]) -> (
        environment: [String: String], arguments: [String: String]
    ) {
        var environment =
            stage.parent.map { self.environment(of: stages[$0], buildArguments: buildArguments) } ?? [:]
        var arguments: [String: String] = [:]
        for instruction in stage.instructions {
            let known = arguments.merging(environment) { _, set in set }
            switch instruction.keyword {
            case "ENV":
                for (name, value) in Self.assignments(instruction.arguments) {
                    environment[name] = Self.expand(value, known)
                }
            case "ARG":
                for (name, value) in Self.arguments(instruction) {
                    arguments[name] =
                        buildArguments[name] ?? value.map { Self.expand($0, known) } ?? globalArguments[name]
                        ?? ""
                }
            default: break
            }
        }
        return (environment, arguments)
    }

    /// The `name=value` pairs of an `ENV` (`ENV A=1 B="two words"`, or the old `ENV A one value`).
    static func assignments(_ arguments: String) -> [(String, String)] {
        let words = shellWords(arguments, keepingQuotes: true)
        guard let first = words.first, first.contains("=") else {
            // The old form: the first word is the name, the rest of the line is the value.
            let name = String(arguments.prefix { !$0.isWhitespace })
            let value = arguments.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            return [(name, unquoted(value))]
        }
        return words.compactMap { word in
            guard let equals = word.firstIndex(of: "=") else { return nil }
            return (String(word[..<equals]), unquoted(String(word[word.index(after: equals)...])))
        }
    }

    /// The names an `ARG` declares, each with its default when it has one.
    static func arguments(_ instruction: Instruction) -> [(String, String?)] {
        shellWords(instruction.arguments, keepingQuotes: true).map { word in
            guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
            return (String(word[..<equals]), unquoted(String(word[word.index(after: equals)...])))
        }
    }

    // MARK: - Text

    /// The escape character: `\`, or the one a `# escape=` directive at the top names.
    private static func escapeCharacter(_ lines: [String]) -> Character {
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { break }  // directives come first, before anything else
            let directive = trimmed.dropFirst().replacingOccurrences(of: " ", with: "").lowercased()
            if directive.hasPrefix("escape="), let character = directive.dropFirst(7).first {
                return character
            }
        }
        return "\\"
    }

    /// The delimiters of the here-documents an instruction opens (`<<EOF`, `<<-EOF`, `<<"EOF"`).
    private static func hereDocumentDelimiters(_ arguments: String) -> [(String, Bool)] {
        var found: [(String, Bool)] = []
        var rest = Substring(arguments)
        while let range = rest.range(of: "<<") {
            rest = rest[range.upperBound...]
            let stripsTabs = rest.first == "-"
            if stripsTabs { rest = rest.dropFirst() }
            var word = String(
                rest.prefix { !$0.isWhitespace && $0 != ";" && $0 != "&" && $0 != "|" && $0 != ">" })
            rest = rest.dropFirst(word.count)
            word = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if let first = word.first, first.isLetter || first == "_" { found.append((word, stripsTabs)) }
        }
        return found
    }

    /// The arguments as a JSON array of strings, or nil when they are not one (then a builder
    /// runs them as shell form).
    static func jsonArray(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]"),
            case .array(let elements) = try? JSONValue(parsing: Data(trimmed.utf8))
        else { return nil }
        let strings = elements.compactMap(\.string)
        return strings.count == elements.count ? strings : nil
    }

    /// Shell words: whitespace separates them, quotes group them, and `&&`, `||`, `;`, `|` and a
    /// line break are words of their own, so a command's end can be found.
    static func shellWords(_ text: String, keepingQuotes: Bool = false) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var escaped = false
        var started = false
        func end() {
            if started { words.append(word) }
            word = ""
            started = false
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                started = true
                if keepingQuotes { word.append(character) }
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                    if keepingQuotes { word.append(character) }
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                started = true
                if keepingQuotes { word.append(character) }
            case " ", "\t":
                end()
            case "\n", ";":
                end()
                words.append(String(character))
            case "&", "|":
                end()
                if index < characters.count, characters[index] == character {
                    index += 1
                    words.append(String([character, character]))
                } else {
                    words.append(String(character))
                }
            default:
                word.append(character)
                started = true
            }
        }
        end()
        return words
    }

    /// A value without the quotes around it (`"a b"` → `a b`), as `ENV` and `ARG` store it.
    static func unquoted(_ value: String) -> String {
        shellWords(value).filter { !["&&", "||", ";", "|", "&", "\n"].contains($0) }.joined(separator: " ")
    }

    /// `text` with `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+word}` replaced from
    /// `variables` (unknown names are empty, as a builder makes them).
    static func expand(_ text: String, _ variables: [String: String]) -> String {
        var result = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                result.append(character)
                index += 1
                continue
            }
            if characters[index + 1] == "{", let close = characters[(index + 2)...].firstIndex(of: "}") {
                let inside = String(characters[(index + 2)..<close])
                index = close + 1
                if let range = inside.range(of: ":-") {
                    let value = variables[String(inside[..<range.lowerBound])] ?? ""
                    result += value.isEmpty ? expand(String(inside[range.upperBound...]), variables) : value
                } else if let range = inside.range(of: ":+") {
                    let value = variables[String(inside[..<range.lowerBound])] ?? ""
                    result += value.isEmpty ? "" : expand(String(inside[range.upperBound...]), variables)
                } else {
                    result += variables[inside] ?? ""
                }
                continue
            }
            let name = String(characters[(index + 1)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !name.isEmpty else {
                result.append(character)
                index += 1
                continue
            }
            result += variables[name] ?? ""
            index += 1 + name.count
        }
        return result
    }
}
