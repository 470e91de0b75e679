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
            return "The grader could not start your server (\(executable)): \(reason)."
        case .exitedBeforeListening(let status, _):
            return ServerVerdict.sentence(for: status, when: "before it started listening")
        case .limitExceededBeforeListening(let violation, _):
            return ServerVerdict.sentence(for: violation, when: "before it started listening")
        case .notListening(let timeout, _):
            return "Your server did not print its \"\(ListeningLine.template)\" line within "
                + "\(timeout.spokenSeconds). Does main.swift call `server.run()`?"
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
        guard !lines.isEmpty else { return message + "\nIt printed nothing." }
        return message + "\nIts last lines of output:\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}

/// The sentences that say how a learner's server ended, shared by launch errors and by
/// `LearnerServer.unexpectedExitMessage`.
enum ServerVerdict {
    /// "Your server exited with status 1 before it started listening."
    /// "Your server crashed (killed by signal SIGILL: a Swift runtime error …) while the checks were running."
    static func sentence(for status: ExitStatus, when moment: String) -> String {
        switch status {
        case .exited(let code):
            return "Your server exited with status \(code) \(moment)."
        case .signaled(let number):
            let signal = SignalInfo(number)
            if signal.isCrash, let explanation = signal.explanation {
                return "Your server crashed (killed by signal \(signal.name): \(explanation)) \(moment)."
            }
            let detail = signal.explanation.map { " (\($0))" } ?? ""
            return "Your server was killed by signal \(signal.name)\(detail) \(moment)."
        }
    }

    /// "Your server used more than 200 MiB of memory while the checks were running, so the grader stopped it."
    static func sentence(for violation: LimitViolation, when moment: String) -> String {
        "Your server \(violation) \(moment), so the grader stopped it."
    }
}
