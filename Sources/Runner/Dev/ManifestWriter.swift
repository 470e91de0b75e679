import Foundation
import Grader

/// Writes pack.json in its canonical layout (fields in a fixed order, two-space indent), so a
/// manifest edited by `dev new`, `dev adopt` or `dev translations` keeps the shape authors wrote
/// by hand.
enum ManifestWriter {
    static func render(_ pack: Pack) -> String {
        var lines = ["{", "  \"formatVersion\": \(pack.formatVersion),", "  \"name\": \(quote(pack.name)),"]
        if pack.languages != [.en] {
            lines.append(
                "  \"languages\": [\(pack.languages.map { quote($0.code) }.joined(separator: ", "))],")
        }
        // The dev check's rules live in the same file; a rewrite must keep them.
        let rules = PackRules.read(pack).rules
        if rules.minimumVariants > 0 {
            lines.append("  \"minimumVariants\": \(rules.minimumVariants),")
        }
        lines.append("  \"modules\": [")
        for (moduleIndex, module) in pack.modules.enumerated() {
            lines += [
                "    {", "      \"id\": \(quote(module.id)),", "      \"title\": \(quote(module.title)),",
                "      \"path\": \(quote(module.path)),",
            ]
            if module.starters != .full {
                lines.append("      \"starters\": \(quote(module.starters.rawValue)),")
            }
            if let startsFrom = module.startsFrom {
                lines.append("      \"startsFrom\": \(quote(startsFrom)),")
            }
            if module.kind != .build {
                lines.append("      \"kind\": \(quote(module.kind.rawValue)),")
            }
            lines += translations(module.translations, indent: 6, hints: false, last: false)
            lines.append("      \"exercises\": [")
            for (index, exercise) in module.exercises.enumerated() {
                lines += [
                    "        {",
                    "          \"id\": \(quote(exercise.id)),",
                    "          \"title\": \(quote(exercise.title)),",
                    "          \"path\": \(quote(exercise.path)),",
                    "          \"files\": [\(exercise.files.map(quote).joined(separator: ", "))],",
                ]
                if !exercise.removes.isEmpty {
                    lines.append(
                        "          \"removes\": [\(exercise.removes.map(quote).joined(separator: ", "))],")
                }
                if exercise.comparesWithReference {
                    lines.append("          \"comparesWithReference\": true,")
                }
                if exercise.comparesWithStarter {
                    lines.append("          \"comparesWithStarter\": true,")
                }
                lines.append("          \"hints\": [")
                lines += list(exercise.hints, indent: 12)
                lines.append(exercise.translations.isEmpty ? "          ]" : "          ],")
                lines += translations(exercise.translations, indent: 10, hints: true, last: true)
                lines.append("        }\(index < module.exercises.count - 1 ? "," : "")")
            }
            lines += ["      ]", "    }\(moduleIndex < pack.modules.count - 1 ? "," : "")"]
        }
        lines += ["  ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// `"translations": {...}` at `indent`, languages in a fixed order; nothing when there are none.
    private static func translations(
        _ translations: [Language: TextTranslation], indent: Int, hints: Bool, last: Bool
    ) -> [String] {
        guard !translations.isEmpty else { return [] }
        let pad = String(repeating: " ", count: indent)
        var lines = ["\(pad)\"translations\": {"]
        let languages = Language.allCases.filter { translations[$0] != nil }
        for (index, language) in languages.enumerated() {
            let translation = translations[language]!
            lines.append("\(pad)  \(quote(language.code)): {")
            if let of = translation.of { lines.append("\(pad)    \"of\": \(quote(of)),") }
            lines.append("\(pad)    \"title\": \(quote(translation.title))\(hints ? "," : "")")
            if hints {
                lines.append("\(pad)    \"hints\": [")
                lines += list(translation.hints, indent: indent + 6)
                lines.append("\(pad)    ]")
            }
            lines.append("\(pad)  }\(index < languages.count - 1 ? "," : "")")
        }
        lines.append("\(pad)}\(last ? "" : ",")")
        return lines
    }

    private static func list(_ items: [String], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return items.enumerated().map {
            "\(pad)\(quote($0.element))\($0.offset < items.count - 1 ? "," : "")"
        }
    }

    static func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
