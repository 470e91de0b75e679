import Foundation
import Grader

/// The learner's program run as a command rather than a server, for debugging lessons: "your
/// regression test fails against the buggy server and passes against the fixed one".
///
/// ```swift
/// let buggy = try t.starterInstance()
/// let run = try t.runLearnerProgram(arguments: ["--regression-test", "http://127.0.0.1:\(buggy.port)"])
/// try require(!run.succeeded, "your regression test passed against the server with the bug")
/// ```
extension TestContext {
    /// How long a program run may take when the check does not say: a test that sends a few
    /// requests ends in well under a second, one that hangs must not hold the grading run.
    public static let defaultProgramTimeout: Duration = .seconds(30)

    /// Runs the learner's executable with `arguments` to completion, in the exercise's work
    /// directory, with the environment the server gets (the controlled clock, the database path)
    /// plus `environment`, and the same limits. A run that overruns `timeout` is stopped, with every
    /// process it started, and fails the check naming the command.
    public func runLearnerProgram(
        arguments: [String], environment: [String: String] = [:],
        timeout: Duration = defaultProgramTimeout
    ) throws -> ProgramRun {
        let command = Self.spokenCommand(serverExecutable, arguments)
        replay.append(
            .skipped(
                Words(
                    "The grader ran your program as a command: \(command)",
                    id: "Grader menjalankan program kamu sebagai perintah: \(command)"
                ).text))
        do {
            let (status, output) = try ChildProcess.run(
                executable: serverExecutable, arguments: arguments,
                environment: serverEnvironment(adding: environment), workingDirectory: workDirectory.path,
                timeout: timeout, limits: .learnerServer)
            return ProgramRun(status: status, output: output.text, command: command)
        } catch .timedOut(_, _, let output) {
            throw CheckFailure(
                Words(
                    "`\(command)` was still running after \(timeout.spokenSeconds), so the grader stopped it. "
                        + "Does it wait for something that never comes (a request without a timeout, a read from the "
                        + "terminal)? It printed:\n\(Self.tail(output.text))",
                    id:
                        "`\(command)` masih berjalan setelah \(timeout.spokenSeconds), jadi grader menghentikannya. "
                        + "Apakah ia menunggu sesuatu yang tidak pernah datang (request tanpa timeout, membaca dari "
                        + "terminal)? Yang ia cetak:\n\(Self.tail(output.text))"))
        } catch {
            throw CheckFailure(
                Words(
                    "the grader could not run `\(command)`: \(error)",
                    id: "grader tidak bisa menjalankan `\(command)`: \(error)"))
        }
    }

    /// The port the learner's server listens on (starting it when it is not running), for what
    /// connects by other means than `t.http`: the learner's own program, a raw socket.
    public func serverPort() throws -> Int { try runningPort() }

    /// The program's own name and its arguments, as a learner would type them.
    static func spokenCommand(_ executable: String, _ arguments: [String]) -> String {
        ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
    }

    /// The last lines of a long output, enough to see where it stopped.
    static func tail(_ text: String, lines: Int = 20) -> String {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        return all.suffix(lines).map { "  " + $0 }.joined(separator: "\n")
    }
}
