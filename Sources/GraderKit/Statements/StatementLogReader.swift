import BackendKit
import Foundation
import Grader

/// Reads the statement log BackendKit writes when `BACKENDKIT_STATEMENT_LOG` names a file: one
/// JSON object per line (`sql`, `request_id`, `job`, `transaction`, `ok`, `pid`).
enum StatementLogReader {
    /// Must match BackendKit's `StatementLog.environmentVariable`.
    static let environmentVariable = "BACKENDKIT_STATEMENT_LOG"

    static func read(_ file: URL) throws -> [LoggedStatement] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        var statements: [LoggedStatement] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let json = try? JSONValue(parsing: Data(line)), let sql = json["sql"]?.string else {
                let text = String(decoding: line.prefix(120), as: UTF8.self)
                throw CheckFailure(
                    Words(
                        "the statement log has a line the grader cannot read: \(text). Is the server built with "
                            + "this version of BackendKit?",
                        id:
                            "statement log-nya punya baris yang tidak bisa dibaca grader: \(text). Apakah server-nya "
                            + "di-build dengan versi BackendKit ini?"
                    ))
            }
            statements.append(
                LoggedStatement(
                    sql: sql, requestID: json["request_id"]?.string, job: json["job"]?.string,
                    transaction: json["transaction"]?.string, succeeded: json["ok"]?.bool ?? true,
                    processID: json["pid"]?.int ?? 0))
        }
        return statements
    }
}
