import Testing

@testable import Grader

struct ReportTextTests {
    @Test func clean_removesColourCodes_andReplacesOtherControls() {
        #expect(ReportText.clean("\u{1B}[1;31mred\u{1B}[0m plain") == "red plain")
        #expect(ReportText.clean("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
        #expect(
            ReportText.clean("bell\u{7} nul\u{0} del\u{7F} c1\u{9B} tab\t") == "bell� nul� del� c1� tab\t")
    }

    @Test func lines_splitAtEveryKindOfLineBreak() {
        #expect(ReportText.lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"])
        #expect(ReportText.lines("a\n\nb") == ["a", "", "b"])
        #expect(ReportText.lines("") == [])
    }

    @Test func capped_saysHowManyLinesWereLeftOut() {
        #expect(ReportText.capped(["a", "b", "c"], limit: 2) == ["a", "b", "… 1 more line"])
        #expect(ReportText.capped(["a", "b"], limit: 2) == ["a", "b"])
    }

    @Test func prefix_cutsAtCharacterBoundaries_withinTheByteLimit() {
        #expect(ReportText.prefix("héllo", maxBytes: 10, marker: "…") == "héllo")
        #expect(ReportText.prefix("日本語です", maxBytes: 10, marker: "…") == "日本…")
        #expect(ReportText.suffix("日本語です", maxBytes: 7) == "です")
    }

    @Test func numbers_areGroupedInThousands() {
        #expect(ReportNumbers.grouped(0) == "0")
        #expect(ReportNumbers.grouped(999) == "999")
        #expect(ReportNumbers.grouped(1_000) == "1,000")
        #expect(ReportNumbers.grouped(1_048_576) == "1,048,576")
        #expect(ReportNumbers.grouped(-12_345) == "-12,345")
    }

    @Test func durations_areSpokenInMillisecondsOrSeconds() {
        #expect(ReportNumbers.spoken(0.0004) == "0 ms")
        #expect(ReportNumbers.spoken(0.012) == "12 ms")
        #expect(ReportNumbers.spoken(0.9994) == "999 ms")
        #expect(ReportNumbers.spoken(1.006) == "1.01 s")
        #expect(ReportNumbers.spoken(1.2345) == "1.23 s")
        #expect(ReportNumbers.spoken(61.2) == "61.20 s")
    }
}
