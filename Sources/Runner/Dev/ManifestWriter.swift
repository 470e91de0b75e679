import Foundation

/// Writes pack.json in its canonical layout (fields in a fixed order, two-space indent), so a
/// manifest edited by `dev new` keeps the shape authors wrote by hand.
enum ManifestWriter {
    static func render(_ pack: Pack) -> String {
        var lines = [
            "{", "  \"formatVersion\": \(pack.formatVersion),", "  \"name\": \(quote(pack.name)),",
            "  \"modules\": [",
        ]
        for (moduleIndex, module) in pack.modules.enumerated() {
            lines += [
                "    {", "      \"id\": \(quote(module.id)),", "      \"title\": \(quote(module.title)),",
                "      \"path\": \(quote(module.path)),",
            ]
            if module.starters != .full {
                lines.append("      \"starters\": \(quote(module.starters.rawValue)),")
            }
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
                lines.append("          \"hints\": [")
                lines += exercise.hints.enumerated().map {
                    "            \(quote($0.element))\($0.offset < exercise.hints.count - 1 ? "," : "")"
                }
                lines += ["          ]", "        }\(index < module.exercises.count - 1 ? "," : "")"]
            }
            lines += ["      ]", "    }\(moduleIndex < pack.modules.count - 1 ? "," : "")"]
        }
        lines += ["  ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    static func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
