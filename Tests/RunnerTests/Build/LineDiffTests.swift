import Testing

@testable import Runner

@Suite struct LineDiffTests {
    let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"

    @Test func aDiffApplied_givesTheNewText() throws {
        let new = old.replacingOccurrences(of: "line 3\n", with: "line three\n")
            .replacingOccurrences(of: "line 11\n", with: "line 11\nline 11½\n")
        let patch = LineDiff.unified(from: old, to: new, name: "F.swift")
        #expect(
            patch == """
                --- a/F.swift
                +++ b/F.swift
                @@ -1,6 +1,6 @@
                 line 1
                 line 2
                -line 3
                +line three
                 line 4
                 line 5
                 line 6
                @@ -9,4 +9,5 @@
                 line 9
                 line 10
                 line 11
                +line 11½
                 line 12

                """)
        #expect(try LineDiff.apply(patch, to: old) == new)
    }

    @Test func equalTexts_giveAnEmptyDiff() {
        #expect(LineDiff.unified(from: old, to: old, name: "F.swift") == "")
    }

    @Test func aPatch_stillAppliesWhenEarlierLinesMoved() throws {
        let patch = LineDiff.unified(
            from: old, to: old.replacingOccurrences(of: "line 9\n", with: "line nine\n"), name: "F.swift")
        let moved = "a new first line\nand another\n" + old
        #expect(
            try LineDiff.apply(patch, to: moved)
                == moved.replacingOccurrences(of: "line 9\n", with: "line nine\n"))
    }

    @Test func aHunkWhoseLinesAreGone_isNamed() {
        let patch = LineDiff.unified(
            from: old, to: old.replacingOccurrences(of: "line 9\n", with: "line nine\n"), name: "F.swift")
        #expect(
            throws: PatchError(
                hunk: 1, line: 6, reason: "its lines are not in the file any more: \"line 6\" …")
        ) {
            try LineDiff.apply(patch, to: old.replacingOccurrences(of: "line 8\n", with: "line eight\n"))
        }
    }

    @Test func emptyContextLinesWithoutTheirSpace_stillApply() throws {
        let text = "a\n\nb\n"
        let patch = "@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n"
        #expect(try LineDiff.apply(patch, to: text) == "a\n\nc\n")
    }

    @Test func aLineThatIsNotPartOfAHunk_isRefused() {
        #expect(
            throws: PatchError(hunk: 0, line: 1, reason: "expected a line starting with @@ before \"hello\"")
        ) {
            try LineDiff.apply("hello\n", to: "x\n")
        }
    }
}
