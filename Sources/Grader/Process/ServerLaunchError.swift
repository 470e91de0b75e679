/// Why a learner's server could not be used, in words the learner can act on.
///
/// `message` is one sentence for the report's headline; `description` adds the last lines the
/// server printed, which usually show the actual problem (a thrown error, a failed precondition).
public enum ServerLaunchError: Error, Equatable, CustomStringConvertible {
    /// The executable could not be started at all (missing, not executable).
    case couldNotStart(executable: String, reason: String)
    /// It exited or crashed before printing its listening line.
    case exitedBeforeListening(ExitStatus, output: CapturedOutput)
    /// The grader killed it for going over a limit before it printed its listening line.
    case limitExceededBeforeListening(LimitViolation, output: CapturedOutput)
    /// It kept running but never printed its listening line within `timeout`.
    case notListening(timeout: Duration, output: CapturedOutput)
    /// It printed `line`, an attempt at the listening line that cannot be trusted (`problem`).
    case wrongListeningLine(line: String, problem: ListeningProblem, output: CapturedOutput)

    /// How many of the server's last output lines `description` shows.
    public static let outputLinesShown = 20

    public var message: String {
        switch self {
        case .couldNotStart(let executable, let reason):
            return Words(
                "The grader could not start your server (\(executable)): \(reason).",
                id: "Grader tidak bisa menjalankan server kamu (\(executable)): \(reason)."
            ).text
        case .exitedBeforeListening(let status, _):
            return ServerVerdict.sentence(for: status, when: ServerVerdict.beforeListening)
        case .limitExceededBeforeListening(let violation, _):
            return ServerVerdict.sentence(for: violation, when: ServerVerdict.beforeListening)
        case .notListening(let timeout, _):
            return Words(
                "Your server did not print its \"\(ListeningLine.template)\" line within "
                    + "\(timeout.spokenSeconds). Does main.swift call `server.run()`?",
                id: "Server kamu tidak mencetak baris \"\(ListeningLine.template)\" dalam "
                    + "\(timeout.spokenSeconds). Apakah main.swift memanggil `server.run()`?"
            ).text
        case .wrongListeningLine(let line, let problem, _):
            return problem.verdict(line: line)
        }
    }

    /// What the server printed, when it got as far as running.
    public var output: CapturedOutput? {
        switch self {
        case .couldNotStart: return nil
        case .exitedBeforeListening(_, let output), .limitExceededBeforeListening(_, let output),
            .notListening(_, let output), .wrongListeningLine(_, _, let output):
            return output
        }
    }

    public var description: String {
        guard let output else { return message }
        let lines = output.lastLines(Self.outputLinesShown)
        guard !lines.isEmpty else {
            return message + "\n" + Words("It printed nothing.", id: "Ia tidak mencetak apa pun.").text
        }
        return message + "\n" + Words("Its last lines of output:", id: "Baris output terakhirnya:").text
            + "\n"
            + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}

/// The sentences that say how a learner's server ended, shared by launch errors and by
/// `LearnerServer.unexpectedExitMessage`.
enum ServerVerdict {
    /// "Your server exited with status 1 before it started listening."
    /// "Your server crashed (killed by signal SIGILL: a Swift runtime error …) while the checks were running."
    static func sentence(for status: ExitStatus, when moment: Words) -> String {
        switch status {
        case .exited(let code):
            return Words(
                "Your server exited with status \(code) \(moment.en).",
                id: "Server kamu keluar dengan status \(code) \(moment[.id])."
            ).text
        case .signaled(let number):
            let signal = SignalInfo(number)
            if signal.isCrash, let explanation = signal.explanation {
                return Words(
                    "Your server crashed (killed by signal \(signal.name): \(explanation)) \(moment.en).",
                    id:
                        "Server kamu crash (dimatikan oleh signal \(signal.name): \(explanation)) \(moment[.id])."
                ).text
            }
            let detail = signal.explanation.map { " (\($0))" } ?? ""
            return Words(
                "Your server was killed by signal \(signal.name)\(detail) \(moment.en).",
                id: "Server kamu dimatikan oleh signal \(signal.name)\(detail) \(moment[.id])."
            ).text
        }
    }

    /// "Your server used more than 200 MiB of memory while the checks were running, so the grader stopped it."
    static func sentence(for violation: LimitViolation, when moment: Words) -> String {
        Words(
            "Your server \(violation) \(moment.en), so the grader stopped it.",
            id: "Server kamu \(violation) \(moment[.id]), jadi grader menghentikannya."
        ).text
    }

    static let beforeListening = Words("before it started listening", id: "sebelum mulai listen")
    static let whileChecking = Words("while the checks were running", id: "saat pengecekan sedang berjalan")
}
