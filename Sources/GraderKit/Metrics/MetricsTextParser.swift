import Grader

/// The line-by-line part of `MetricsScrape`: tokens, escapes, HELP/TYPE order and grouping.
struct MetricsTextParser {
    private(set) var samples: [MetricSample] = []
    private(set) var types: [String: String] = [:]
    private(set) var help: [String: String] = [:]
    private var finishedFamilies: Set<String> = []
    private var currentFamily: String?
    private var seenSeries: Set<String> = []

    static let knownTypes: Set<String> = ["counter", "gauge", "histogram", "summary", "untyped"]

    mutating func parse(_ text: String) throws(MetricsScrape.Problem) {
        guard text.isEmpty || text.hasSuffix("\n") else {
            throw problem(
                0, "the exposition must end with a line feed", id: "exposition-nya harus diakhiri line feed")
        }
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .enumerated()
        {
            let number = offset + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                try comment(String(line), number)
            } else {
                try sample(String(line), number)
            }
        }
    }

    private mutating func comment(_ line: String, _ number: Int) throws(MetricsScrape.Problem) {
        let parts = line.dropFirst().drop { $0 == " " }.split(
            separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        // Any other comment is allowed and ignored.
        guard let keyword = parts.first, keyword == "HELP" || keyword == "TYPE" else { return }
        guard parts.count >= 2 else {
            throw problem(number, "# \(keyword) needs a metric name", id: "# \(keyword) butuh nama metric")
        }
        let name = String(parts[1])
        guard isMetricName(name) else {
            throw problem(
                number, "\"\(name)\" is not a valid metric name",
                id: "\"\(name)\" bukan nama metric yang valid")
        }
        if samples.contains(where: { family(of: $0.name) == name }) {
            throw problem(
                number, "# \(keyword) \(name) comes after samples of \(name); it must come before them",
                id: "# \(keyword) \(name) muncul setelah sample \(name); seharusnya sebelumnya")
        }
        if keyword == "HELP" {
            guard help[name] == nil else {
                throw problem(number, "a second # HELP for \(name)", id: "# HELP kedua untuk \(name)")
            }
            help[name] = parts.count > 2 ? try unescapeHelp(String(parts[2]), number) : ""
        } else {
            guard types[name] == nil else {
                throw problem(number, "a second # TYPE for \(name)", id: "# TYPE kedua untuk \(name)")
            }
            let type = parts.count > 2 ? String(parts[2]).trimmingCharacters(in: .whitespaces) : ""
            guard Self.knownTypes.contains(type) else {
                throw problem(
                    number, "# TYPE \(name) \"\(type)\" is not counter, gauge, histogram, summary or untyped",
                    id: "# TYPE \(name) \"\(type)\" bukan counter, gauge, histogram, summary, atau untyped")
            }
            types[name] = type
        }
    }

    private mutating func sample(_ line: String, _ number: Int) throws(MetricsScrape.Problem) {
        var scanner = Substring(line)
        let name = String(scanner.prefix { $0 != "{" && $0 != " " && $0 != "\t" })
        scanner = scanner.dropFirst(name.count)
        guard isMetricName(name) else {
            throw problem(
                number, "\"\(name)\" is not a valid metric name",
                id: "\"\(name)\" bukan nama metric yang valid")
        }
        var labels: [String: String] = [:]
        if scanner.hasPrefix("{") { labels = try parseLabels(&scanner, number) }
        let fields = scanner.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 1 || fields.count == 2 else {
            throw problem(
                number,
                "expected a value (and maybe a timestamp) after \(name), found \"\(scanner.prefix(60))\"",
                id:
                    "seharusnya ada nilai (dan mungkin timestamp) setelah \(name), tapi yang ada \"\(scanner.prefix(60))\""
            )
        }
        guard let value = parseValue(String(fields[0])) else {
            throw problem(
                number, "\"\(fields[0])\" is not a number (use digits, +Inf, -Inf or NaN)",
                id: "\"\(fields[0])\" bukan angka (pakai digit, +Inf, -Inf, atau NaN)")
        }
        if fields.count == 2 && Int64(fields[1]) == nil {
            throw problem(
                number, "the timestamp \"\(fields[1])\" is not a whole number of milliseconds",
                id: "timestamp \"\(fields[1])\" bukan bilangan bulat milidetik")
        }
        let family = family(of: name)
        if family != currentFamily {
            if let currentFamily { finishedFamilies.insert(currentFamily) }
            guard !finishedFamilies.contains(family) else {
                throw problem(
                    number, "samples of \(family) appear in two places; a metric's lines must form one group",
                    id:
                        "sample \(family) muncul di dua tempat; baris-baris satu metric harus berkumpul jadi satu grup"
                )
            }
            currentFamily = family
        }
        let key =
            name + "{"
            + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
        guard seenSeries.insert(key).inserted else {
            throw problem(number, "the series \(key) appears twice", id: "series \(key) muncul dua kali")
        }
        if types[family] == "counter" && (value < 0 || value.isNaN) {
            throw problem(
                number, "the counter \(name) is \(fields[0]); counters are never negative",
                id: "counter \(name) bernilai \(fields[0]); counter tidak pernah negatif")
        }
        samples.append(MetricSample(name: name, labels: labels, value: value, line: number))
    }

    private func parseLabels(_ scanner: inout Substring, _ number: Int) throws(MetricsScrape.Problem)
        -> [String: String]
    {
        scanner = scanner.dropFirst()
        var labels: [String: String] = [:]
        while true {
            scanner = scanner.drop { $0 == " " }
            if scanner.hasPrefix("}") {
                scanner = scanner.dropFirst()
                return labels
            }
            let label = String(scanner.prefix { $0 != "=" && $0 != " " })
            scanner = scanner.dropFirst(label.count)
            guard isLabelName(label) else {
                throw problem(
                    number, "\"\(label)\" is not a valid label name",
                    id: "\"\(label)\" bukan nama label yang valid")
            }
            guard scanner.hasPrefix("=\"") else {
                throw problem(
                    number, "the value of label \(label) must follow =\" in double quotes",
                    id: "nilai label \(label) harus ditulis setelah =\" dalam tanda kutip ganda")
            }
            scanner = scanner.dropFirst(2)
            var value = ""
            while true {
                guard let character = scanner.first else {
                    throw problem(
                        number, "the value of label \(label) has no closing quote",
                        id: "nilai label \(label) tidak punya tanda kutip penutup")
                }
                scanner = scanner.dropFirst()
                if character == "\"" { break }
                if character == "\\" {
                    guard let escaped = scanner.first else {
                        throw problem(
                            number, "a label value ends in a lone backslash",
                            id: "ada nilai label yang berakhir dengan backslash sendirian")
                    }
                    scanner = scanner.dropFirst()
                    switch escaped {
                    case "\\": value.append("\\")
                    case "\"": value.append("\"")
                    case "n": value.append("\n")
                    default:
                        throw problem(
                            number,
                            "\\\(escaped) is not an escape a label value may use (only \\\\, \\\" and \\n)",
                            id:
                                "\\\(escaped) bukan escape yang boleh dipakai nilai label (hanya \\\\, \\\", dan \\n)"
                        )
                    }
                } else {
                    value.append(character)
                }
            }
            guard labels[label] == nil else {
                throw problem(
                    number, "the label \(label) appears twice", id: "label \(label) muncul dua kali")
            }
            labels[label] = value
            scanner = scanner.drop { $0 == " " }
            if scanner.hasPrefix(",") {
                scanner = scanner.dropFirst()
            } else if !scanner.hasPrefix("}") {
                throw problem(
                    number, "labels must be separated by commas", id: "label harus dipisahkan dengan koma")
            }
        }
    }

    private func unescapeHelp(_ text: String, _ number: Int) throws(MetricsScrape.Problem) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "\\": result.append("\\")
                case "n": result.append("\n")
                default:
                    throw problem(
                        number, "\\\(character) is not an escape HELP text may use (only \\\\ and \\n)",
                        id: "\\\(character) bukan escape yang boleh dipakai teks HELP (hanya \\\\ dan \\n)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The family a sample belongs to: a histogram's `_bucket`, `_sum`, `_count` belong to it.
    func family(of name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" || types[base] == "summary" { return base }
        }
        return name
    }

    private func parseValue(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    private func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":")
        }
    }

    private func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    /// A problem on `line`, in the run's language.
    private func problem(_ line: Int, _ message: String, id: String) -> MetricsScrape.Problem {
        MetricsScrape.Problem(line: line, message: Words(message, id: id).text)
    }
}
