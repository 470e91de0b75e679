import Testing

@testable import Runner

@Suite struct SwiftTextPairsTests {
    @Test func pairsAreFound_withTheirLines_inCallsOfEveryShape() {
        let source = #"""
            // Check("not this", id: "nor this") in a comment
            Check("GET /health answers 200", id: "GET /health menjawab 200", hint: Words("a nudge", id: "dorongan")) { t in
                /* Words("still not", id: "bukan") */
                try requireEqual(x, "data", Words("the title of \(name["x"] ?? "none")", id: "judul \(f(")", 1))"))
                let raw = Words(#"a "quoted" text"#, id: #"teks "berkutip""#)
            }
            """#
        #expect(
            SwiftTextPairs.pairs(in: source) == [
                .init(english: "GET /health answers 200", indonesian: "GET /health menjawab 200", line: 2),
                .init(english: "a nudge", indonesian: "dorongan", line: 2),
                .init(
                    english: #"the title of \(name["x"] ?? "none")"#, indonesian: #"judul \(f(")", 1))"#,
                    line: 4),
                .init(english: #"a "quoted" text"#, indonesian: #"teks "berkutip""#, line: 5),
            ])
    }

    @Test func escapedQuotes_andMultilineStrings_doNotEndTheLiteral() {
        let source = #"""
            let a = "say \"hi\"", id: "bilang \"hai\""
            let b = """
                long
                """
            Words("after", id: "sesudah")
            """#
        #expect(
            SwiftTextPairs.pairs(in: source) == [
                .init(english: #"say \"hi\""#, indonesian: #"bilang \"hai\""#, line: 1),
                .init(english: "after", indonesian: "sesudah", line: 5),
            ])
    }

    @Test func aLiteralWithoutItsIndonesian_isNoPair() {
        #expect(SwiftTextPairs.pairs(in: #"Check("English only", hint: "x") { _ in }"#) == [])
    }
}
