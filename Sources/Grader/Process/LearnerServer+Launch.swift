extension LearnerServer {
    /// Starts one instance and waits for its listening line, its exit or the deadline. On anything
    /// but the listening line the instance is stopped and cleaned up before the error is thrown.
    /// Starts the process and blocks until it listens, exits, or the readiness deadline passes.
    static func launch(_ configuration: Configuration) throws(ServerLaunchError) -> (ChildProcess, Int) {
        let gate = ReadinessGate()
        let environment = configuration.environment.adding([
            "PORT": "0",
            "HOST": "127.0.0.1",
            "DATABASE_PATH": configuration.databasePath,
        ])
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: configuration.executable,
                arguments: configuration.arguments,
                environment: environment,
                workingDirectory: configuration.workingDirectory,
                standardError: .separate,
                limits: configuration.limits,
                onLine: { line in
                    guard line.stream == .standardOutput, ListeningLine.isAttempt(line.text) else { return }
                    if let port = ListeningLine.port(in: line.text) {
                        gate.resolve(.listening(port: port))
                    } else {
                        gate.resolve(.attempt(line: line.text))
                    }
                }
            )
        } catch {
            throw .couldNotStart(executable: configuration.executable, reason: error.reason)
        }
        child.whenExited { gate.resolve(.exited($0)) }

        switch gate.waitBlocking(timeout: configuration.readinessTimeout) {
        case .listening(let port):
            // The line is trusted once its port accepts a connection: a wrong port ends the run now,
            // with one verdict, instead of failing every check.
            let line = ListeningLine.prefix + String(port)
            guard
                let problem = ListeningCheck.problem(
                    with: line, pid: child.pid, givenPort: nil, isAlive: { !child.hasExited })
            else { return (child, port) }
            if child.hasExited { try exitedBeforeListening(child) }
            child.terminate(grace: .seconds(1))
            throw .wrongListeningLine(line: line, problem: problem, output: child.output)
        case .attempt(let line):
            let problem =
                ListeningCheck.problem(with: line, pid: child.pid, givenPort: nil) ?? .notTheContractLine
            child.terminate(grace: .seconds(1))
            throw .wrongListeningLine(line: line, problem: problem, output: child.output)
        case .exited:
            try exitedBeforeListening(child)
        case .timedOut:
            child.terminate(grace: .seconds(1))
            throw .notListening(timeout: configuration.readinessTimeout, output: child.output)
        }
    }

    /// The error for an instance that exited (or was killed for a limit) before it was ready.
    private static func exitedBeforeListening(_ child: ChildProcess) throws(ServerLaunchError) -> Never {
        let status = child.terminate(grace: .zero)
        if let violation = child.limitViolation {
            throw .limitExceededBeforeListening(violation, output: child.output)
        }
        throw .exitedBeforeListening(status, output: child.output)
    }
}

extension ChildProcessError {
    /// The part of the description after "Could not start X: ", for `ServerLaunchError`.
    var reason: String {
        switch self {
        case .couldNotStart(_, let reason), .couldNotCreatePipe(_, let reason):
            return reason
        case .workingDirectoryNotFound(_, let directory):
            return Words(
                "its working directory \(directory) does not exist",
                id: "working directory-nya, \(directory), tidak ada"
            ).text
        case .shuttingDown:
            return Words("Backendlings is shutting down", id: "Backendlings sedang berhenti").text
        case .timedOut:
            return description
        }
    }
}
