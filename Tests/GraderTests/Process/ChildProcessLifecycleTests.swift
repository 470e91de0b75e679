#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    struct ChildProcessLifecycleTests {
        @Test func lineObserver_seesEveryLineWithItsStream() async throws {
            let lines = OutputLineRecorder()
            let child = try ChildProcess(
                executable: "/bin/sh",
                arguments: ["-c", "echo one; echo two >&2; printf three"],
                onLine: { lines.record($0) }
            )
            #expect(await child.wait(timeout: .seconds(10)) == .exited(0))
            await child.terminate()
            #expect(lines.all.filter { $0.stream == .standardOutput }.map(\.text) == ["one", "three"])
            #expect(lines.all.filter { $0.stream == .standardError }.map(\.text) == ["two"])
        }

        @Test func terminate_stopsAProcessWithSigterm() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let child = try ChildProcess(
                executable: "/bin/sleep", arguments: ["100"], environment: .inherit(adding: mark.environment))
            #expect(await child.wait(timeout: .milliseconds(100)) == nil)
            #expect(!child.hasExited)
            #expect(await child.terminate(grace: .seconds(5)) == .signaled(SIGTERM))
            #expect(child.hasExited)
            #expect(ProcessLeftovers.processes(marked: mark, group: child.pid) == [])
        }

        @Test func terminate_usesSigkillWhenSigtermIsIgnored() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let child = try ChildProcess(
                executable: "/bin/sh",
                arguments: ["-c", "trap '' TERM; echo ready; while :; do sleep 1; done"],
                environment: .inherit(adding: mark.environment),
                onLine: { _ in }
            )
            try await ProcessPolling.waitUntil { child.output.text == "ready\n" }
            #expect(await child.terminate(grace: .milliseconds(300)) == .signaled(SIGKILL))
            #expect(ProcessLeftovers.processes(marked: mark, group: child.pid) == [])
        }

        @Test func terminate_canBeCalledAgain() async throws {
            let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 4"])
            // Let it exit first, so terminate's SIGTERM cannot race the exit.
            #expect(await child.wait(timeout: .seconds(30)) == .exited(4))
            #expect(await child.terminate() == .exited(4))
            #expect(await child.terminate() == .exited(4))
            #expect(child.sendSignal(SIGTERM) == false)
        }

        @Test func forgottenChild_isKilledWhenReleased() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            var group: Int32 = 0
            do {
                let child = try ChildProcess(
                    executable: "/bin/sh",
                    arguments: ["-c", "sleep 100 & \(mark.escapedSleeper) wait"],
                    environment: .inherit(adding: mark.environment)
                )
                group = child.pid
                try await ProcessPolling.waitUntil { ProcessLeftovers.processes(marked: mark).count == 3 }
            }
            #expect(await ProcessLeftovers.awaitNone(marked: mark, group: group) == [])
        }

        @Test func addressSpaceLimit_isApplied() async throws {
            let child = try ChildProcess(
                executable: "/bin/sleep",
                arguments: ["100"],
                limits: ProcessLimits(addressSpaceBytes: 3 << 30)
            )
            let limits = (try? String(contentsOfFile: "/proc/\(child.pid)/limits", encoding: .utf8)) ?? ""
            await child.terminate(grace: .zero)
            let line = limits.split(separator: "\n").first { $0.hasPrefix("Max address space") }
            let values = line?.split(separator: " ").dropFirst(3).prefix(2).map(String.init)
            #expect(values == ["3221225472", "3221225472"])
        }
    }
#endif
