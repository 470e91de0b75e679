import Testing

@testable import Grader

struct BodyPreviewTests {
    let preview = BodyPreview.response

    @Test func shortBody_isShownWhole() {
        #expect(preview.lines(#"{"id":1}"#) == [#"{"id":1}"#])
        #expect(preview.lines("a\r\nb\n") == ["a", "b"])
    }

    @Test func noBody_showsNothing() {
        #expect(preview.lines(nil) == [])
        #expect(preview.lines("") == [])
    }

    @Test func longBody_keepsTwentyLines_andCountsTheRestInBytes() {
        let body = (1...50).map { "line \($0)" }.joined(separator: "\n")
        let lines = preview.lines(body)
        #expect(lines.count == 21)
        #expect(lines[19] == "line 20")
        // What is left out: "line 21" … "line 50" (30 lines; 21–50 are 7 bytes each) and 29 line breaks.
        #expect(lines[20] == "… 239 more bytes")
    }

    @Test func longSingleLine_isCutAt2000Characters() {
        let body = String(repeating: "a", count: 2_000) + String(repeating: "é", count: 617)
        #expect(preview.lines(body) == [String(repeating: "a", count: 2_000), "… 1,234 more bytes"])
    }

    @Test func bytesTheRecorderLeftOut_areCountedToo() {
        #expect(preview.lines("[1,2,3", omittedBytes: 8_192) == ["[1,2,3", "… 8,192 more bytes"])
        #expect(preview.lines(nil, omittedBytes: 1) == ["… 1 more byte"])
    }

    @Test func binaryBody_isDescribedByItsSize() {
        #expect(preview.lines("\u{FFFD}\u{FFFD}PNG\u{0}") == ["(6 bytes of binary data)"])
        #expect(preview.lines("ab\u{1B}[31m", omittedBytes: 1_000) == ["(1,007 bytes of binary data)"])
    }

    @Test func tabsAndLineBreaks_areText() {
        #expect(!BodyPreview.isBinary("a\tb\r\nc\n"))
        #expect(BodyPreview.isBinary("a\u{7F}"))
    }

    @Test func requestBodies_areTrimmedShorter() {
        let body = (1...10).map { "f\($0)=x" }.joined(separator: "\n")
        #expect(
            BodyPreview.request.lines(body) == [
                "f1=x", "f2=x", "f3=x", "f4=x", "f5=x", "f6=x", "… 20 more bytes",
            ])
    }
}
