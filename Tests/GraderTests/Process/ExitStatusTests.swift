import Testing

@testable import Grader

#if canImport(Glibc)
    import Glibc
#endif

struct ExitStatusTests {
    @Test func exitedStatus_describesTheCode() {
        #expect(ExitStatus.exited(3).description == "exited with status 3")
    }

    @Test func segmentationFault_isDescribedAsACrashOnMemory() {
        #expect(
            ExitStatus.signaled(SIGSEGV).description
                == "killed by signal SIGSEGV (a crash: the program read or wrote memory it does not own)"
        )
    }

    @Test(arguments: [SIGILL, SIGTRAP, SIGABRT])
    func swiftRuntimeTraps_areDescribedAsSwiftRuntimeErrors(signal: Int32) {
        let name = SignalInfo(signal).name
        #expect(
            ExitStatus.signaled(signal).description
                == "killed by signal \(name) (a crash: a Swift runtime error such as a force-unwrapped nil, "
                + "an index out of range or a failed precondition)"
        )
        #expect(ExitStatus.signaled(signal).isCrash)
    }

    @Test func sigkill_isNotACrash() {
        #expect(
            ExitStatus.signaled(SIGKILL).description
                == "killed by signal SIGKILL (it was stopped by force: by the grader, by the system when "
                + "memory ran out, or by someone else)"
        )
        #expect(!ExitStatus.signaled(SIGKILL).isCrash)
    }

    @Test func unnamedSignal_isDescribedByNumber() {
        #expect(ExitStatus.signaled(40).description == "killed by signal 40")
    }

    @Test func waitStatusWord_isDecoded() {
        #expect(ExitStatus(waitStatus: 0x0300) == .exited(3))
        #expect(ExitStatus(waitStatus: 0) == .exited(0))
        #expect(ExitStatus(waitStatus: 9) == .signaled(9))
        #expect(ExitStatus(waitStatus: 0x80 | 6) == .signaled(6))  // with the core-dump bit
    }
}
