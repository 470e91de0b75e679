import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An opt-in record of every SQL statement the server runs, for graders: with
/// `BACKENDKIT_STATEMENT_LOG=/path/file`, each statement is appended to that file as one JSON line
/// with the id of the request (or the name of the background job) that ran it:
///
/// ```
/// {"job":null,"ok":true,"pid":4242,"request_id":"grader-7","sql":"SELECT * FROM books WHERE id = ?","transaction":"2.5"}
/// ```
///
/// A check can then say "this request ran 51 statements, not 1 (N+1)" or "the lookup and the insert
/// ran in one transaction" (same `transaction`, which is `connection.serial`). Parameter values are
/// never written: they may be passwords. It is a side channel, not the learner's log, and costs
/// nothing when the variable is unset: `shared` is `nil` and no request carries an id for it.
final class StatementLog: Sendable {
    static let environmentVariable = "BACKENDKIT_STATEMENT_LOG"

    /// The log of this process, or `nil` when statements are not logged.
    static let shared: StatementLog? = fromEnvironment(ProcessInfo.processInfo.environment)

    /// The request whose handler is running, set around each request only while logging.
    @TaskLocal static var requestID: String?
    /// The background job that is running, set around each run only while logging.
    @TaskLocal static var jobName: String?

    private let fd: Int32  // written with one write(2) per line: O_APPEND keeps lines whole
    private let processID = Int(getpid())

    private init(fd: Int32) {
        self.fd = fd
    }

    static func fromEnvironment(_ environment: [String: String]) -> StatementLog? {
        guard let path = environment[environmentVariable], !path.isEmpty else { return nil }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            FileHandle.standardError.write(
                Data(
                    "BackendKit: cannot open \(environmentVariable)=\(path) (\(String(cString: strerror(errno)))); statements are not logged.\n"
                        .utf8))
            return nil
        }
        return StatementLog(fd: fd)
    }

    /// Appends one statement. `transaction` is `nil` for a statement that ran outside one.
    func record(sql: String, transaction: String?, succeeded: Bool) {
        let line: JSONValue = [
            "pid": .number(Double(processID)),
            "request_id": Self.requestID.map(JSONValue.string) ?? .null,
            "job": Self.jobName.map(JSONValue.string) ?? .null,
            "sql": .string(sql),
            "transaction": transaction.map(JSONValue.string) ?? .null,
            "ok": .bool(succeeded),
        ]
        let bytes = Array((line.description + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            _ = write(fd, buffer.baseAddress, buffer.count)
        }
    }
}
