import Foundation
import GraderKit

/// One `Server-Timing` header, read strictly enough to name what is wrong with it (W3C Server
/// Timing: `metric;dur=12.3;desc="text", metric2;dur=4`).
struct ServerTimingHeader {
    struct Metric {
        var name: String
        var duration: Double?
        var description: String?
    }

    var metrics: [Metric]

    /// The statement count in `db`'s `desc="N statements"`.
    var databaseStatements: Int? {
        guard let text = metric("db")?.description, text.hasSuffix(" statements") else { return nil }
        return Int(text.dropLast(" statements".count))
    }

    func metric(_ name: String) -> Metric? { metrics.first { $0.name == name } }

    /// Reads the header of `response`, failing the check with what is missing or malformed.
    static func read(_ response: ClientResponse) throws -> ServerTimingHeader {
        let text = try requireValue(
            response.headers["Server-Timing"],
            Words(
                "the answer to \(response.requestLine) (\(response.status)) has no Server-Timing header",
                id:
                    "jawaban untuk \(response.requestLine) (\(response.status)) tidak punya header Server-Timing"
            ),
            hint: Words(
                "Add the header in the middleware, after next(request) returns or throws: an HTTPError thrown by a handler must become its response first (error.response(instance: request.path)).",
                id:
                    "Tambahkan header-nya di middleware, setelah next(request) selesai atau melempar error: HTTPError yang dilempar handler harus diubah dulu jadi response-nya (error.response(instance: request.path))."
            ),
            response: response)
        var metrics: [Metric] = []
        for part in text.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = fields.first, !name.isEmpty, name.allSatisfy(Self.isTokenCharacter) else {
                throw malformed(text, response)
            }
            var metric = Metric(name: name)
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { throw malformed(text, response) }
                switch pair[0].lowercased() {
                case "dur":
                    guard let value = Double(pair[1]), value >= 0,
                        pair[1].allSatisfy({ $0.isNumber || $0 == "." })
                    else { throw malformed(text, response) }
                    metric.duration = value
                case "desc":
                    metric.description =
                        pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                        ? String(pair[1].dropFirst().dropLast()) : pair[1]
                default: break
                }
            }
            metrics.append(metric)
        }
        let header = ServerTimingHeader(metrics: metrics)
        guard header.metric("app")?.duration != nil, header.metric("db")?.duration != nil,
            header.databaseStatements != nil
        else {
            throw response.failure(
                Words(
                    "Server-Timing is \"\(text)\"; it needs app;dur=<ms> and db;dur=<ms>;desc=\"<n> statements\"",
                    id:
                        "Server-Timing-nya \"\(text)\"; seharusnya ada app;dur=<ms> dan db;dur=<ms>;desc=\"<n> statements\""
                ),
                hint: Words(
                    "For example: app;dur=12.4, db;dur=9.8;desc=\"3 statements\" (durations in milliseconds).",
                    id:
                        "Contohnya: app;dur=12.4, db;dur=9.8;desc=\"3 statements\" (durasinya dalam milidetik)."
                ))
        }
        return header
    }

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII
            && (character.isLetter || character.isNumber || "!#$%&'*+-.^_`|~".contains(character))
    }

    private static func malformed(_ text: String, _ response: ClientResponse) -> CheckFailure {
        response.failure(
            Words(
                "Server-Timing \"\(text)\" is not in the W3C syntax: name;dur=<number>;desc=\"…\", metrics separated by commas",
                id:
                    "Server-Timing \"\(text)\" tidak mengikuti sintaks W3C: name;dur=<angka>;desc=\"…\", metrik dipisah koma"
            ))
    }
}
