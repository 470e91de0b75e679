extension ChildProcess {
    /// Runs a command to completion and returns how it ended and what it printed (stdout and stderr
    /// merged by default, capped like every capture). For `swift build` and for a compiled grader.
    ///
    /// When `timeout` passes first, the command's whole process group is stopped (SIGTERM, 2 seconds,
    /// SIGKILL) and `ChildProcessError.timedOut` is thrown with the output so far. Whatever the
    /// command left running after it exited is killed too. Blocks the calling thread; from async
    /// code use the `async` overload.
    public static func run(
        executable: String,
        arguments: [String] = [],
        environment: ChildEnvironment = .inherit(),
        workingDirectory: String? = nil,
        timeout: Duration? = nil,
        standardError: StandardError = .mergedIntoStandardOutput,
        limits: ProcessLimits = .none
    ) throws(ChildProcessError) -> (status: ExitStatus, output: CapturedOutput) {
        let child = try ChildProcess(
            executable: executable,
            arguments: arguments,
            environment: environment,
            workingDirectory: workingDirectory,
            standardError: standardError,
            limits: limits
        )
        guard let status = child.wait(timeout: timeout) else {
            child.terminate(grace: .seconds(2))
            throw .timedOut(
                command: commandLine(executable, arguments),
                timeout: timeout ?? .zero,
                output: child.output
            )
        }
        child.terminate(grace: .zero)
        return (status, child.output)
    }

    /// `run` for async code: the same, on a thread of its own.
    public static func run(
        executable: String,
        arguments: [String] = [],
        environment: ChildEnvironment = .inherit(),
        workingDirectory: String? = nil,
        timeout: Duration? = nil,
        standardError: StandardError = .mergedIntoStandardOutput,
        limits: ProcessLimits = .none
    ) async throws(ChildProcessError) -> (status: ExitStatus, output: CapturedOutput) {
        let result = await Self.onOwnThread {
            Result { () throws(ChildProcessError) in
                let (status, output) = try run(
                    executable: executable,
                    arguments: arguments,
                    environment: environment,
                    workingDirectory: workingDirectory,
                    timeout: timeout,
                    standardError: standardError,
                    limits: limits
                )
                return RunResult(status: status, output: output)
            }
        }
        let value = try result.get()
        return (value.status, value.output)
    }

    /// "swift build --product x", with arguments that hold spaces quoted, for messages.
    static func commandLine(_ executable: String, _ arguments: [String]) -> String {
        let name = executable.split(separator: "/").last.map(String.init) ?? executable
        return ([name] + arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 })
            .joined(separator: " ")
    }

    private struct RunResult: Sendable {
        var status: ExitStatus
        var output: CapturedOutput
    }
}
