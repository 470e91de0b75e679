import Foundation
import Testing

@testable import Grader

/// Reading Swift's real crash output: the message, the learner's frame, and nothing else.
struct CrashOutputParserTests {
    typealias S = CrashSamples

    /// A parser for the samples' workspace that "reads" source lines from a table instead of disk.
    private func parser(root: String? = S.workspace) -> CrashOutputParser {
        CrashOutputParser(learnerRoot: root) { path, line in
            path.hasSuffix("/BookStore.swift") ? "line \(line) of BookStore.swift" : nil
        }
    }

    @Test func nilUnwrap_givesTheFatalErrorLine_andTheLearnersFrameWithItsSource() throws {
        let crash = try #require(parser().parse(S.text("unwrap")))
        #expect(
            crash.message == [
                "db02_insert_fetch/BookStore.swift:8: Fatal error: Unexpectedly found nil while unwrapping an Optional value"
            ])
        #expect(crash.kind == "Illegal instruction")
        #expect(
            crash.location
                == ServerCrash.Location(
                    file: "\(S.folder)/BookStore.swift", line: 8, column: 21, function: "BookStore.find(id:)",
                    source: "line 8 of BookStore.swift"))
        #expect(!crash.endlessRecursion)
    }

    @Test func preconditionAndFatalError_keepTheirOwnWords() throws {
        let precondition = try #require(parser().parse(S.text("precondition")))
        #expect(
            precondition.message == [
                "db02_insert_fetch/BookStore.swift:12: Precondition failed: id must be positive"
            ])
        #expect(precondition.location?.fileAndLine == "\(S.folder)/BookStore.swift:12")
        let fatal = try #require(parser().parse(S.text("fatal")))
        #expect(fatal.message == ["db02_insert_fetch/BookStore.swift:17: Fatal error: not implemented yet"])
        #expect(fatal.location?.function == "BookStore.fatal()")
    }

    @Test func indexOutOfRange_namesTheRuntimesFile_butShowsTheLearnersFrame() throws {
        let crash = try #require(parser().parse(S.text("index")))
        #expect(crash.message == ["Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"])
        #expect(crash.location?.fileAndLine == "\(S.folder)/BookStore.swift:22")
        #expect(crash.location?.function == "BookStore.index(_:)")
    }

    @Test func errorThrownAtTopLevel_pointsAtMainWithoutALine() throws {
        let crash = try #require(parser().parse(S.text("topthrow")))
        #expect(
            crash.message == [
                #"Swift/ErrorType.swift:254: Fatal error: Error raised at top level: db02_insert_fetch.MigrationError.badSQL("CREAT TABLE")"#
            ])
        #expect(
            crash.location
                == ServerCrash.Location(
                    file: "\(S.folder)/main.swift", line: nil, function: "db02_insert_fetch_main"))
    }

    @Test func anErrorDescriptionOverSeveralLines_isKeptWhole() throws {
        let crash = try #require(parser().parse(S.text("migrate")))
        #expect(
            crash.message == [
                #"Swift/ErrorType.swift:254: Fatal error: Error raised at top level: SQLite error: near "CREAT": syntax error (SQLITE_ERROR)"#,
                "  SQL: CREAT TABLE books (id INTEGER)",
                "  Hint: look just before the quoted word: a missing comma, quote or parenthesis is the usual cause",
            ])
    }

    @Test func aCrashInAHandler_readsTheCrashedThread_andSkipsBackendKitFrames() throws {
        let crash = try #require(parser().parse(S.text("server")))
        #expect(crash.location?.function == "BookStore.find(id:)")
        #expect(crash.location?.fileAndLine == "\(S.folder)/BookStore.swift:8")
        // Without the workspace, the first frame outside BackendKit is still the learner's.
        let guessed = try #require(parser(root: nil).parse(S.text("server")))
        #expect(guessed.location?.file == "\(S.workspace)/\(S.folder)/BookStore.swift")
    }

    @Test func endlessRecursion_isNamed_withoutAMessage() throws {
        let crash = try #require(parser().parse(S.text("overflow")))
        #expect(crash.message.isEmpty)
        #expect(crash.kind == "Bad pointer dereference")
        #expect(crash.location?.function == "Shelf.count.getter")
        #expect(crash.location?.fileAndLine == "\(S.folder)/BookStore.swift:33")
        #expect(crash.endlessRecursion)
    }

    @Test func withoutTheBacktracer_onlyTheMessageIsKnown() throws {
        let crash = try #require(parser().parse(S.text("unwrap-nobacktrace")))
        #expect(
            crash.message.first?.hasSuffix(
                "Fatal error: Unexpectedly found nil while unwrapping an Optional value") == true)
        #expect(crash.location == nil)
        #expect(crash.kind == nil)
    }

    @Test func ordinaryLogLines_areNoCrash() {
        let log = """
            Listening on http://127.0.0.1:41234
            2026-11-29T05:11:06.123Z INFO  GET /books 200 0.42ms request_id=7
            2026-11-29T05:11:06.124Z ERROR Fatal errors are not our business detail=x
            """
        #expect(parser().parse(log) == nil)
        #expect(!CrashOutputParser.showsCrash(log))
    }

    @Test func frameLines_areReadFromTheRight() {
        let frame = BacktraceFrame(
            line: "  3 [ra] 0x000055572890a373 closure #3 in  + 530 in db02 at /w/main.swift:23:28")
        #expect(frame?.function == "closure #3 in")
        #expect(frame?.file == "/w/main.swift")
        #expect(frame?.line == 23)
        #expect(frame?.column == 28)
        let runtime = BacktraceFrame(
            line:
                "  1 [ra] 0x00007fbf128f961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so"
        )
        #expect(runtime?.file == nil)
        #expect(runtime?.function == "_assertionFailure(_:_:file:line:flags:)")
        #expect(
            BacktraceFrame(
                line:
                    "  6 [async] [thunk]  0x00005557288d0440 partial apply in db02 at //<compiler-generated>")?
                .file == nil)
        #expect(BacktraceFrame(line: "...") == nil)
        #expect(BacktraceFrame(line: "Thread 1 crashed:") == nil)
    }

    @Test func learnerRoot_isTheFolderThatHoldsTheBuildFolder() {
        #expect(
            CrashOutputParser.learnerRoot(forExecutable: "/home/ayu/ws/.build/debug/db01-schema")
                == "/home/ayu/ws")
        #expect(
            CrashOutputParser.learnerRoot(forExecutable: "/c/.build/backendlings/devcheck/k/.build/debug/x")
                == "/c/.build/backendlings/devcheck/k")
        #expect(CrashOutputParser.learnerRoot(forExecutable: "/usr/local/bin/server") == nil)
    }

    @Test func sourceLines_areReadFromDisk_trimmed_andOnlyFromRegularFiles() throws {
        let file = FileManager.default.temporaryDirectory.appending(
            path: "crash-source-\(UInt32.random(in: 0...UInt32.max)).swift")
        try Data("struct A {\n        return title!   \n}\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(SourceLineReader.line(file.path, 2) == "return title!")
        #expect(SourceLineReader.line(file.path, 9) == nil)
        #expect(SourceLineReader.line("/dev/zero", 1) == nil)
        #expect(SourceLineReader.line("/nonexistent/File.swift", 1) == nil)
    }
}
