import Testing

@testable import Grader

/// The runtime's crash report never reaches a learner's screen: logs keep what the server said.
struct CrashNoiseTests {
    @Test func aHandlerCrash_keepsTheLogAndTheMessage_andDropsThreadsRegistersAndImages() throws {
        let lines = ReportText.lines(try CrashSamples.text("server"))
        let kept = CrashOutputParser.withoutCrashReports(lines)
        #expect(
            kept == [
                "2026-12-01T08:52:14.286Z INFO    opening database",
                "starting mode server",
                "Listening on http://127.0.0.1:18123",
                "2026-12-01T08:52:15.294Z INFO    GET /books/1 200 0.40ms request_id=91805f19eca9681c",
                "db02_insert_fetch/BookStore.swift:8: Fatal error: Unexpectedly found nil while unwrapping an Optional value",
                "… the runtime's crash report (74 lines) left out …",
            ])
    }

    @Test func theOldStackTrace_isLeftOutToo() throws {
        let kept = CrashOutputParser.withoutCrashReports(
            ReportText.lines(try CrashSamples.text("unwrap-nobacktrace")))
        #expect(kept.count == 3)
        #expect(kept.last == "… the runtime's crash report (10 lines) left out …")
    }

    @Test func aReportCutShortByTheCapture_isLeftOutToTheEnd() {
        let kept = CrashOutputParser.withoutCrashReports([
            "before", "", "*** Signal 4: Backtracing from 0x1... done ***", "", "Thread 0 crashed:",
            "  0 0x1 f in x",
        ])
        #expect(kept == ["before", "… the runtime's crash report (4 lines) left out …"])
    }

    @Test func logTails_neverShowImageListsOrRegisters() throws {
        for sample in ["unwrap", "server", "overflow", "migrate"] {
            let log = CapturedOutput(head: try CrashSamples.text(sample))
            let tail = LogTail.lines(log, count: 50).joined(separator: "\n")
            #expect(!tail.contains("Images ("), "\(sample)")
            #expect(!tail.contains("Registers:"), "\(sample)")
            #expect(!tail.contains("Thread 0"), "\(sample)")
        }
    }
}
