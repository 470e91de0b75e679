import Testing

@testable import backendlings

@Suite struct TypoSuggesterTests {
    @Test(arguments: [
        ("list", "list", 0), ("lsit", "list", 1), ("chek", "check", 1), ("", "abc", 3),
        ("kitten", "sitting", 3), ("ca", "abc", 3), ("--jsno", "--json", 1),
    ])
    func distance_countsAnAdjacentSwapAsOneEdit(a: String, b: String, expected: Int) {
        #expect(TypoSuggester.distance(a, b) == expected)
        #expect(TypoSuggester.distance(b, a) == expected)
    }

    @Test func suggestion_picksTheClosestPlausibleCandidate() {
        let commands = ["list", "check", "check-all", "watch", "hint", "serve", "progress", "reset"]
        #expect(TypoSuggester.suggestion(for: "lsit", among: commands) == "list")
        #expect(TypoSuggester.suggestion(for: "chekc", among: commands) == "check")
        #expect(TypoSuggester.suggestion(for: "chek-all", among: commands) == "check-all")
        #expect(TypoSuggester.suggestion(for: "prog", among: commands) == "progress")
        #expect(TypoSuggester.suggestion(for: "srve", among: commands) == "serve")
    }

    @Test func suggestion_isNilWhenNothingIsClose() {
        let commands = ["list", "check", "hint"]
        #expect(TypoSuggester.suggestion(for: "frobnicate", among: commands) == nil)
        #expect(TypoSuggester.suggestion(for: "xy", among: commands) == nil)
        #expect(TypoSuggester.suggestion(for: "lots", among: commands) == nil)
    }
}
