#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    struct ChildProcessRunTests {
        @Test func exitCode_isReported() throws {
            let result = try ChildProcess.run(
                executable: "/bin/sh", arguments: ["-c", "exit 7"], timeout: .seconds(10))
            #expect(result.status == .exited(7))
            #expect(try ChildProcess.run(executable: "true", timeout: .seconds(10)).status == .exited(0))
        }

        @Test func deathBySignal_isReported() throws {
            let result = try ChildProcess.run(
                executable: "/bin/sh", arguments: ["-c", "kill -SEGV $$"], timeout: .seconds(10))
            #expect(result.status == .signaled(SIGSEGV))
        }

        @Test func stdoutAndStderr_areMergedInOrder() throws {
            let result = try ChildProcess.run(
                executable: "/bin/sh",
                arguments: ["-c", "echo out; echo err >&2; echo out again"],
                timeout: .seconds(10)
            )
            #expect(result.output == CapturedOutput(head: "out\nerr\nout again\n"))
        }

        @Test func stdin_isDevNull() throws {
            let result = try ChildProcess.run(executable: "/bin/cat", timeout: .seconds(10))
            #expect(result.status == .exited(0))
            #expect(result.output.text == "")
        }

        @Test func exactEnvironment_isAllTheChildSees() throws {
            let result = try ChildProcess.run(
                executable: "/bin/sh",
                arguments: [
                    "-c",
                    "echo \"$GREETING\"; echo \"${HOME-unset}\"; echo \"${BACKENDLINGS_RUN_ID:+has run id}\"",
                ],
                environment: .exactly(["GREETING": "halo"]),
                timeout: .seconds(10)
            )
            #expect(result.output.text == "halo\nunset\nhas run id\n")
        }

        @Test func inheritedEnvironment_keepsOursAndAddsMore() throws {
            let result = try ChildProcess.run(
                executable: "/bin/sh",
                arguments: ["-c", "echo \"$GREETING\"; echo \"$PATH\""],
                environment: .inherit(adding: ["GREETING": "selamat pagi"]),
                timeout: .seconds(10)
            )
            #expect(
                result.output.text == "selamat pagi\n\(ProcessInfo.processInfo.environment["PATH"] ?? "")\n")
        }

        @Test func workingDirectory_isUsed() throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let result = try ChildProcess.run(
                executable: "/bin/pwd", workingDirectory: mark.directory, timeout: .seconds(10))
            let expected = URL(fileURLWithPath: mark.directory).resolvingSymlinksInPath().path
            #expect(result.output.text == expected + "\n")
        }

        @Test func missingWorkingDirectory_isAClearError() {
            #expect(
                throws: ChildProcessError.workingDirectoryNotFound(
                    executable: "/bin/pwd", directory: "/nonexistent/dir")
            ) {
                try ChildProcess.run(executable: "/bin/pwd", workingDirectory: "/nonexistent/dir")
            }
            let error = ChildProcessError.workingDirectoryNotFound(
                executable: "/bin/pwd", directory: "/nonexistent/dir")
            #expect(
                error.description
                    == "Could not start /bin/pwd: its working directory /nonexistent/dir does not exist.")
        }

        @Test func missingExecutable_isAClearError() {
            let expected = ChildProcessError.couldNotStart(
                executable: "/nonexistent/server",
                reason: "No such file or directory"
            )
            #expect(throws: expected) { try ChildProcess.run(executable: "/nonexistent/server") }
            #expect(expected.description == "Could not start /nonexistent/server: No such file or directory.")
        }

        @Test func descriptorsOfTheGrader_areNotInherited() throws {
            let leaked = open("/dev/null", O_RDONLY)  // deliberately without O_CLOEXEC
            defer { close(leaked) }
            let result = try ChildProcess.run(
                executable: "/bin/sh",
                arguments: ["-c", "if [ -e /proc/$$/fd/\(leaked) ]; then echo open; else echo closed; fi"],
                timeout: .seconds(10)
            )
            #expect(result.output.text == "closed\n")
        }

        @Test func timeout_killsTheCommandAndItsChildren() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let started = ContinuousClock.now
            let expected =
                "`sh -c 'sleep 100 & sleep 100'` did not finish within 0.5 seconds, so it was stopped."
            do {
                _ = try await ChildProcess.run(
                    executable: "/bin/sh",
                    arguments: ["-c", "sleep 100 & sleep 100"],
                    environment: .inherit(adding: mark.environment),
                    timeout: .milliseconds(500)
                )
                Issue.record("run returned although the command sleeps for 100 seconds")
            } catch {
                #expect(error.description == expected)
            }
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(ProcessLeftovers.processes(marked: mark) == [])
        }

        @Test func processesLeftRunning_areKilledWhenTheCommandExits() throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            // One sleeper stays in the command's process group, one escapes it with setsid.
            let result = try ChildProcess.run(
                executable: "/bin/sh",
                arguments: ["-c", "sleep 100 & \(mark.escapedSleeper) exit 0"],
                environment: .inherit(adding: mark.environment),
                timeout: .seconds(10)
            )
            #expect(result.status == .exited(0))
            #expect(ProcessLeftovers.processes(marked: mark) == [])
        }

        @Test func commandLine_quotesArgumentsWithSpaces() {
            #expect(
                ChildProcess.commandLine("/usr/bin/swift", ["build", "--product", "db01"])
                    == "swift build --product db01")
            #expect(ChildProcess.commandLine("sh", ["-c", "a b", ""]) == "sh -c 'a b' ''")
        }
    }
#endif
