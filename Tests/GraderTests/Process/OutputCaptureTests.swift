import Testing

@testable import Grader

struct OutputCaptureTests {
    private func capture(_ chunks: [[UInt8]]) -> OutputCapture {
        var capture = OutputCapture()
        for chunk in chunks { chunk.withUnsafeBytes { capture.append($0) } }
        return capture
    }

    @Test func shortOutput_isKeptWhole() {
        let result = capture([Array("hello\n".utf8), Array("world\n".utf8)]).snapshot
        #expect(result == CapturedOutput(head: "hello\nworld\n"))
    }

    @Test func longOutput_keepsHeadAndTailAndCountsTheRest() {
        let total = 100 * 1024
        let bytes = (0..<total).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let chunks = stride(from: 0, to: total, by: 3000).map { Array(bytes[$0..<min($0 + 3000, total)]) }
        let result = capture(chunks).snapshot
        #expect(result.head.utf8.count == OutputCapture.headLimit)
        #expect(result.tail.utf8.count == OutputCapture.tailLimit)
        #expect(result.omittedBytes == total - OutputCapture.headLimit - OutputCapture.tailLimit)
        #expect(Array(result.tail.utf8) == Array(bytes.suffix(OutputCapture.tailLimit)))
    }

    @Test func tailCutInsideACharacter_startsAtTheNextCharacter() {
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: OutputCapture.headLimit + 10)
        let euro = Array("€".utf8)  // three bytes
        let tail = euro + [UInt8](repeating: UInt8(ascii: "y"), count: OutputCapture.tailLimit - 2)
        let result = capture([filler, tail]).snapshot
        #expect(result.tail == String(repeating: "y", count: OutputCapture.tailLimit - 2))
        #expect(result.omittedBytes == 10 + 3)
    }

    @Test func lines_areSplitAcrossChunks() {
        var splitter = LineSplitter()
        var lines: [String] = []
        for chunk in ["Listen", "ing on x\r\nsecond\n", "third"] {
            lines += Array(chunk.utf8).withUnsafeBytes { splitter.append($0) }
        }
        #expect(lines == ["Listening on x\r", "second"])
        #expect(splitter.finish() == "third")
        #expect(splitter.finish() == nil)
    }

    @Test func overlongLine_isDeliveredInPieces() {
        var splitter = LineSplitter()
        let long = [UInt8](repeating: UInt8(ascii: "z"), count: LineSplitter.maximumLineLength * 2 + 5)
        let lines = (long + [UInt8(ascii: "\n")]).withUnsafeBytes { splitter.append($0) }
        #expect(lines.map(\.count) == [LineSplitter.maximumLineLength, LineSplitter.maximumLineLength, 5])
    }

    @Test func environment_inheritsAddsAndRemoves() {
        let parent = ["PATH": "/bin", "HOME": "/root", "PORT": "8080"]
        let inherited = ChildEnvironment.inherit(adding: ["PORT": "0"], removing: ["HOME"]).resolved(
            parent: parent)
        #expect(inherited == ["PATH": "/bin", "PORT": "0"])
        let exact = ChildEnvironment.exactly(["A": "1"]).adding(["B": "2"]).resolved(parent: parent)
        #expect(exact == ["A": "1", "B": "2"])
    }

    @Test func runIDs_nestAndCoverOnlyTheirDescendants() {
        let id = RunID(value: "7-1-ab")
        #expect(id.covers("7-1-ab"))
        #expect(id.covers("7-1-ab/9-2-cd"))
        #expect(!id.covers("7-1-abc"))
        #expect(!id.covers("7-1"))
    }
}
