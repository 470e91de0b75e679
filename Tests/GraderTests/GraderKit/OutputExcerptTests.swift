import Foundation
import Grader
import Testing

@testable import GraderKit

struct OutputExcerptTests {
    @Test func excerpt_startsAtTheMark_inTheHead() {
        let output = CapturedOutput(head: "one\ntwo\n")
        #expect(TestContext.text(of: output, from: 4) == "two\n")
        #expect(TestContext.text(of: output, from: 8) == "")
    }

    @Test func excerpt_markInTheDroppedMiddle_saysSoAndKeepsTheTail() {
        let output = CapturedOutput(head: "head\n", tail: "tail\n", omittedBytes: 100)
        #expect(TestContext.text(of: output, from: 2) == "ad\n… 100 bytes not shown …\ntail\n")
        #expect(TestContext.text(of: output, from: 50) == "… 100 bytes not shown …\ntail\n")
        #expect(TestContext.text(of: output, from: 107) == "il\n")
    }

    @Test func longExcerpts_keepTheirLast16KiB() {
        let capped = TestContext.capped(String(repeating: "x", count: 20_000) + "end")
        #expect(capped.omittedBytes == 20_003 - 16_384)
        #expect(capped.tail.hasSuffix("end"))
        #expect(TestContext.byteCount(capped) == 20_003)
    }
}
