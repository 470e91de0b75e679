import Foundation
import StrictJSON

/// What a variant's `variant.json` says:
/// `{"description": "the mistake, in one line", "caughtBy": "the exact name of a check"}`, with an
/// optional `"adds": ["NewFile.swift"]` for files the solved copy does not have.
///
/// Parsed with the manifest's strict parser, so a mistake gets the same line-and-column or
/// field-by-field message as one in `pack.json`. Unknown fields are ignored, as in `pack.json`.
struct VariantDescription: Equatable {
    var description: String
    var caughtBy: String
    var adds: [String] = []

    /// Reads and checks the file at `url`, named `shown` in messages.
    static func read(_ url: URL, shown: String) throws(PackError) -> VariantDescription {
        guard FileSystem.isFile(url) else {
            throw .invalidManifest(
                file: shown, fieldPath: "",
                reason: "missing; write {\"description\": \"the mistake a learner makes, in one line\", "
                    + "\"caughtBy\": \"the exact name of the check that must catch it\"}")
        }
        let data: Data
        do throws(FileSystemError) {
            data = try FileSystem.readFile(url)
        } catch {
            throw .fileSystem(error)
        }
        return try decode(data, shown: shown)
    }

    static func decode(_ data: Data, shown: String) throws(PackError) -> VariantDescription {
        let json: ManifestJSON
        do {
            json = try StrictJSON.parse(data, options: Pack.manifestOptions)
        } catch {
            throw .invalidJSON(file: shown, line: error.line, column: error.column, reason: error.message)
        }
        guard case .object = json else {
            throw .invalidManifest(
                file: shown, fieldPath: "",
                reason: "expected a JSON object at the top level, found \(json.kindDescription)")
        }
        let description = try line(json, "description", shown: shown, saying: "the mistake a learner makes")
        let caughtBy = try line(
            json, "caughtBy", shown: shown, saying: "the exact name of the check that must catch it")
        return VariantDescription(
            description: description, caughtBy: caughtBy, adds: try adds(json, shown: shown))
    }

    private static func line(_ json: ManifestJSON, _ key: String, shown: String, saying what: String)
        throws(PackError) -> String
    {
        guard let value = json[key] else {
            throw .invalidManifest(file: shown, fieldPath: "", reason: "missing field \"\(key)\" (\(what))")
        }
        guard case .string(let text) = value else {
            throw .invalidManifest(
                file: shown, fieldPath: key, reason: "expected a string, found \(value.kindDescription)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw .invalidManifest(file: shown, fieldPath: key, reason: "is blank; write \(what)")
        }
        guard !trimmed.contains("\n") else {
            throw .invalidManifest(file: shown, fieldPath: key, reason: "write one line, without line breaks")
        }
        return trimmed
    }

    private static func adds(_ json: ManifestJSON, shown: String) throws(PackError) -> [String] {
        guard let value = json["adds"] else { return [] }
        guard case .array(let items) = value else {
            throw .invalidManifest(
                file: shown, fieldPath: "adds",
                reason: "expected an array of file names, found \(value.kindDescription)")
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let name) = item, !name.isEmpty, !name.hasPrefix("/"),
                !name.split(separator: "/").contains("..")
            else {
                throw .invalidManifest(
                    file: shown, fieldPath: "adds[\(index)]",
                    reason: "expected a file name relative to the solved copy, such as \"Helpers.swift\"")
            }
            names.append(name)
        }
        return names
    }
}
