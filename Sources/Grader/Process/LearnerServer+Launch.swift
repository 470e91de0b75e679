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
                    guard line.stream == .standardOutput, let port = ListeningLine.port(in: line.text) else {
                        return
                    }
                    gate.resolve(.listening(port: port))
                }
            )
        } catch {
            throw .couldNotStart(executable: configuration.executable, reason: error.reason)
        }
        child.whenExited { gate.resolve(.exited($0)) }

        switch gate.waitBlocking(timeout: configuration.readinessTimeout) {
        case .listening(let port):
            return (child, port)
        case .exited:
            let status = child.terminate(grace: .zero)
            if let violation = child.limitViolation {
                throw .limitExceededBeforeListening(violation, output: child.output)
            }
            throw .exitedBeforeListening(status, output: child.output)
        case .timedOut:
            child.terminate(grace: .seconds(1))
            throw .notListening(timeout: configuration.readinessTimeout, output: child.output)
        }
    }
}

extension ChildProcessError {
    /// The part of the description after "Could not start X: ", for `ServerLaunchError`.
    var reason: String {
        switch self {
        case .couldNotStart(_, let reason), .couldNotCreatePipe(_, let reason):
            return reason
        case .workingDirectoryNotFound(_, let directory):
            return "its working directory \(directory) does not exist"
        case .shuttingDown:
            return "Backendlings is shutting down"
        case .timedOut:
            return description
        }
    }
}
