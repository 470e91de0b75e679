import Foundation
import Grader

/// Turns a parsed `pack.json` into a `Pack`, checking every field's type and form and naming the
/// exact field (`modules[0].exercises[2].hints`) when one is wrong.
///
/// `formatVersion` is checked before anything else: a newer pack may have fields this build does not
/// know, and "update backendlings" is the only useful thing to say then. Unknown fields are ignored.
struct ManifestDecoder {
    /// How the manifest is named in messages.
    var file = "Lessons/pack.json"

    func decode(_ json: ManifestJSON, root: URL) throws(PackError) -> Pack {
        guard case .object = json else {
            throw invalid("", "expected a JSON object at the top level, found \(json.kindDescription)")
        }
        let version = try formatVersion(json)
        let name = try text(try field(json, "name", in: ""), at: "name")
        let moduleValues = try nonEmptyArray(try field(json, "modules", in: ""), at: "modules", of: "module")
        var ids = IDRegistry()
        var modules: [Module] = []
        var modulePaths: [String: String] = [:]
        for (index, value) in moduleValues.enumerated() {
            let at = "modules[\(index)]"
            let module = try decodeModule(value, at: at, ids: &ids)
            if let earlier = modulePaths[module.path] {
                throw invalid(
                    "\(at).path",
                    "\"\(module.path)\" is already the folder of \(earlier); each module needs its own folder"
                )
            }
            modulePaths[module.path] = at
            try requireEarlierStep(module.startsFrom, of: modules, at: at)
            modules.append(module)
        }
        return Pack(
            root: root, name: name, formatVersion: version, modules: modules, languages: try languages(json))
    }

    /// `"languages"`: the codes the pack is written in; English is always one of them.
    private func languages(_ json: ManifestJSON) throws(PackError) -> [Language] {
        guard let value = json["languages"] else { return [.en] }
        let codes = try stringArray(value, at: "languages", of: "language code")
        var languages: [Language] = []
        for (index, code) in codes.enumerated() {
            guard let language = Language(code: code), language.code == code else {
                throw invalid(
                    "languages[\(index)]",
                    "expected one of \(Language.allCases.map { "\"\($0.code)\"" }.joined(separator: ", ")), found \"\(code)\""
                )
            }
            if !languages.contains(language) { languages.append(language) }
        }
        if !languages.contains(.en) {
            throw invalid(
                "languages", "English (\"en\") must be one of them: every text is written in English first")
        }
        return languages
    }

    /// `"translations"`: `{"id": {"of": "…", "title": "…", "hints": […]}}`; `hintCount` is the
    /// number of English hints (nil for a module, which has none).
    private func translations(_ object: ManifestJSON, at: String, hintCount: Int?) throws(PackError)
        -> [Language: TextTranslation]
    {
        guard let value = object["translations"] else { return [:] }
        guard case .object(let members) = value else {
            throw invalid(
                "\(at).translations",
                "expected an object keyed by language code, found \(value.kindDescription)")
        }
        var translations: [Language: TextTranslation] = [:]
        for (code, entry) in members {
            let entryAt = "\(at).translations.\(code)"
            guard let language = Language(code: code), language.code == code, language != .en else {
                throw invalid(
                    entryAt,
                    "expected a language code other than \"en\" (\(Language.allCases.filter { $0 != .en }.map { "\"\($0.code)\"" }.joined(separator: ", "))), found \"\(code)\""
                )
            }
            guard case .object = entry else {
                throw invalid(entryAt, "expected an object, found \(entry.kindDescription)")
            }
            let title = try text(try field(entry, "title", in: entryAt), at: "\(entryAt).title")
            var hints: [String] = []
            if let hintCount {
                hints = try stringArray(
                    try field(entry, "hints", in: entryAt), at: "\(entryAt).hints", of: "hint")
                if hints.count != hintCount {
                    throw invalid(
                        "\(entryAt).hints",
                        "expected \(hintCount) hint\(hintCount == 1 ? "" : "s"), one for each English hint in order, found \(hints.count)"
                    )
                }
            }
            var of: String?
            if let stamp = entry["of"] {
                guard case .string(let hash) = stamp else {
                    throw invalid(
                        "\(entryAt).of",
                        "expected the hash string `dev translations --accept` writes, found \(stamp.kindDescription)"
                    )
                }
                of = hash
            }
            translations[language] = TextTranslation(title: title, hints: hints, of: of)
        }
        return translations
    }

    private func formatVersion(_ json: ManifestJSON) throws(PackError) -> Int {
        let value = try field(json, "formatVersion", in: "")
        guard case .number(let number, let isInteger) = value else {
            throw invalid("formatVersion", "expected a whole number, found \(value.kindDescription)")
        }
        guard isInteger, let version = Int(exactly: number) else {
            throw invalid("formatVersion", "expected a whole number, found a number with a fraction")
        }
        guard version >= 1 else {
            throw invalid("formatVersion", "expected a format version of 1 or more, found \(version)")
        }
        guard version <= Pack.supportedFormatVersion else {
            throw .newerFormat(found: version, supported: Pack.supportedFormatVersion)
        }
        return version
    }

    private func decodeModule(_ value: ManifestJSON, at: String, ids: inout IDRegistry) throws(PackError)
        -> Module
    {
        guard case .object = value else {
            throw invalid(at, "expected an object, found \(value.kindDescription)")
        }
        let id = try identifier(try field(value, "id", in: at), at: "\(at).id", ids: &ids)
        let title = try text(try field(value, "title", in: at), at: "\(at).title")
        let path = try relativePath(
            try field(value, "path", in: at), at: "\(at).path", example: "01-databases")
        let values = try nonEmptyArray(
            try field(value, "exercises", in: at), at: "\(at).exercises", of: "exercise")
        let starters = try starterLayout(value, at: at)
        let startsFrom = try startsFrom(value, at: at, starters: starters)
        let kind = try moduleKind(value, at: at)
        var exercises: [Exercise] = []
        var paths: [String: String] = [:]
        for (index, exerciseValue) in values.enumerated() {
            let exerciseAt = "\(at).exercises[\(index)]"
            let exercise = try decodeExercise(
                exerciseValue, at: exerciseAt, moduleID: id, modulePath: path, ids: &ids)
            for key in ["removes"] where exerciseValue[key] != nil {
                if starters != .overlays {
                    throw invalid(
                        "\(exerciseAt).\(key)",
                        "only a module with \"starters\": \"overlays\" can say which files a step \(key); "
                            + "add that to the module or remove the field")
                }
                if index == 0 && startsFrom == nil {
                    throw invalid(
                        "\(exerciseAt).\(key)",
                        "the first exercise of a module holds its whole starter, so there is no previous "
                            + "step to remove files from; remove the field")
                }
            }
            if let earlier = paths[exercise.path] {
                throw invalid(
                    "\(exerciseAt).path",
                    "\"\(exercise.path)\" is already the folder of \(earlier); "
                        + "each exercise needs its own folder"
                )
            }
            paths[exercise.path] = exerciseAt
            exercises.append(exercise)
        }
        return Module(
            id: id, title: title, path: path, exercises: exercises, starters: starters, kind: kind,
            translations: try translations(value, at: at, hintCount: nil), startsFrom: startsFrom)
    }

    /// `"starters"`: `"full"` (the default) or `"overlays"`.
    private func starterLayout(_ module: ManifestJSON, at: String) throws(PackError) -> StarterLayout {
        guard let value = module["starters"] else { return .full }
        guard case .string(let text) = value, let layout = StarterLayout(rawValue: text) else {
            throw invalid(
                "\(at).starters",
                "expected \"full\" or \"overlays\", found \(value.kindDescription)")
        }
        return layout
    }

    /// `"kind"`: `"build"` (the default) or `"debugging"`.
    private func moduleKind(_ module: ManifestJSON, at: String) throws(PackError) -> ModuleKind {
        guard let value = module["kind"] else { return .build }
        guard case .string(let text) = value else {
            throw invalid("\(at).kind", "expected \"build\" or \"debugging\", found \(value.kindDescription)")
        }
        guard let kind = ModuleKind(rawValue: text) else {
            throw invalid(
                "\(at).kind",
                "expected \"build\" (the learner finishes each starter) or \"debugging\" (the learner finds "
                    + "the bug planted in it), found \"\(text)\"")
        }
        return kind
    }

    private func decodeExercise(
        _ value: ManifestJSON, at: String, moduleID: String, modulePath: String, ids: inout IDRegistry
    ) throws(PackError) -> Exercise {
        guard case .object = value else {
            throw invalid(at, "expected an object, found \(value.kindDescription)")
        }
        let id = try identifier(try field(value, "id", in: at), at: "\(at).id", ids: &ids)
        let title = try text(try field(value, "title", in: at), at: "\(at).title")
        let path = try relativePath(try field(value, "path", in: at), at: "\(at).path", example: "01-schema")
        let files = try stringArray(try field(value, "files", in: at), at: "\(at).files", of: "file path")
        for (index, file) in files.enumerated() where !Self.isSafeRelativePath(file) {
            throw invalid(
                "\(at).files[\(index)]",
                "expected a file path relative to Starter/ like \"BookStore.swift\" "
                    + "(no leading \"/\", no \"..\" and no hidden \".name\" parts), found \"\(file)\"")
        }
        let hints = try stringArray(try field(value, "hints", in: at), at: "\(at).hints", of: "hint")
        let removes = try optionalPaths(value, "removes", at: at)
        return Exercise(
            id: id, title: title, path: path, files: files, hints: hints, moduleID: moduleID,
            modulePath: modulePath, removes: removes,
            translations: try translations(value, at: at, hintCount: hints.count),
            comparesWithReference: try optionalFlag(value, "comparesWithReference", at: at),
            comparesWithStarter: try optionalFlag(value, "comparesWithStarter", at: at))
    }

    /// An optional `true` or `false`; missing means false.
    private func optionalFlag(_ object: ManifestJSON, _ key: String, at: String) throws(PackError) -> Bool {
        guard let value = object[key] else { return false }
        guard case .bool(let flag) = value else {
            throw invalid("\(at).\(key)", "expected true or false, found \(value.kindDescription)")
        }
        return flag
    }

    /// An optional array of file paths relative to `Starter/`; missing means none.
    private func optionalPaths(_ object: ManifestJSON, _ key: String, at: String) throws(PackError)
        -> [String]
    {
        guard let value = object[key] else { return [] }
        let paths = try stringArray(value, at: "\(at).\(key)", of: "file path")
        for (index, path) in paths.enumerated() where !Self.isSafeRelativePath(path) {
            throw invalid(
                "\(at).\(key)[\(index)]",
                "expected a file path relative to Starter/ like \"BookStore.swift\" "
                    + "(no leading \"/\", no \"..\" and no hidden \".name\" parts), found \"\(path)\"")
        }
        return paths
    }

    // MARK: - Field checks

    private func field(_ object: ManifestJSON, _ key: String, in at: String) throws(PackError) -> ManifestJSON
    {
        guard let value = object[key] else { throw invalid(at, "missing field \"\(key)\"") }
        return value
    }

    private func text(_ value: ManifestJSON, at: String) throws(PackError) -> String {
        guard case .string(let string) = value else {
            throw invalid(at, "expected a string, found \(value.kindDescription)")
        }
        guard !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw invalid(at, "expected some text, found an empty string")
        }
        return string
    }

    private func identifier(_ value: ManifestJSON, at: String, ids: inout IDRegistry) throws(PackError)
        -> String
    {
        guard case .string(let id) = value else {
            throw invalid(at, "expected a string, found \(value.kindDescription)")
        }
        guard Self.isValidID(id) else {
            throw invalid(
                at,
                "expected an id of lowercase letters, digits and \"-\" that starts with a letter, "
                    + "found \"\(id)\""
            )
        }
        if let earlier = ids.register(id, at: at) {
            throw invalid(at, "\"\(id)\" is already used at \(earlier); ids must be unique across the pack")
        }
        return id
    }

    private func relativePath(_ value: ManifestJSON, at: String, example: String) throws(PackError) -> String
    {
        guard case .string(let path) = value else {
            throw invalid(at, "expected a string, found \(value.kindDescription)")
        }
        guard Self.isSafeRelativePath(path) else {
            throw invalid(
                at,
                "expected a relative folder path like \"\(example)\" "
                    + "(no leading \"/\", no \"..\" and no hidden \".name\" parts), found \"\(path)\"")
        }
        return path
    }

    private func nonEmptyArray(_ value: ManifestJSON, at: String, of noun: String) throws(PackError)
        -> [ManifestJSON]
    {
        guard case .array(let elements) = value else {
            throw invalid(at, "expected an array of \(noun)s, found \(value.kindDescription)")
        }
        guard !elements.isEmpty else {
            throw invalid(at, "expected at least one \(noun), found an empty array")
        }
        return elements
    }

    private func stringArray(_ value: ManifestJSON, at: String, of noun: String) throws(PackError) -> [String]
    {
        guard case .array(let elements) = value else {
            throw invalid(at, "expected an array of strings, found \(value.kindDescription)")
        }
        guard !elements.isEmpty else {
            throw invalid(at, "expected at least one \(noun), found an empty array")
        }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            strings.append(try text(element, at: "\(at)[\(index)]"))
        }
        return strings
    }

    func invalid(_ fieldPath: String, _ reason: String) -> PackError {
        .invalidManifest(file: file, fieldPath: fieldPath, reason: reason)
    }

    // MARK: - Rules

    /// `[a-z][a-z0-9-]*`: safe as a SwiftPM target name, a folder name and a word on the command line.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }

    /// Relative, no empty, `.` or `..` parts, nothing hidden and no backslashes: such a path can
    /// never leave the folder it is joined to, nor collide with `.backendlings` or `.build`.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && !$0.hasPrefix(".")
        }
    }
}

/// Remembers where each id was first declared, so a duplicate names both places.
private struct IDRegistry {
    private var places: [String: String] = [:]

    /// Records `id` at `place`; returns the earlier place when the id was already taken.
    mutating func register(_ id: String, at place: String) -> String? {
        if let earlier = places[id] { return earlier }
        places[id] = place
        return nil
    }
}
