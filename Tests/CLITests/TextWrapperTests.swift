import Testing

@testable import backendlings

@Suite struct TextWrapperTests {
    @Test func longText_wrapsAtTheWidthWithContinuationIndent() {
        let lines = TextWrapper.wrap("aaa bbb ccc ddd", width: 9, indent: 2)
        #expect(lines == ["aaa bbb", "  ccc ddd"])
    }

    @Test func firstLineUsed_leavesRoomForALabel() {
        let lines = TextWrapper.wrap("aaa bbb ccc", width: 10, indent: 4, firstLineUsed: 4)
        #expect(lines == ["aaa", "    bbb", "    ccc"])
    }

    @Test func newlinesAndLeadingSpaces_arePreserved() {
        let lines = TextWrapper.wrap("one two\n\n    curl -i http://x/", width: 80)
        #expect(lines == ["one two", "", "    curl -i http://x/"])
    }

    @Test func wordLongerThanTheWidth_getsALineOfItsOwn() {
        let lines = TextWrapper.wrap("a verylongword b", width: 5)
        #expect(lines == ["a", "verylongword", "b"])
    }
}
