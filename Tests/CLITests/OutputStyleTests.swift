import Testing

@testable import backendlings

@Suite struct OutputStyleTests {
    @Test func terminalWithoutOverrides_isRich() {
        #expect(OutputStyle.detect(outputIsTerminal: true, environment: ["TERM": "xterm-256color"]) == .rich)
        #expect(OutputStyle.detect(outputIsTerminal: true, environment: [:]) == .rich)
        #expect(OutputStyle.detect(outputIsTerminal: true, environment: ["NO_COLOR": ""]) == .rich)
    }

    @Test func pipeNoColorOrDumbTerminal_isPlain() {
        #expect(OutputStyle.detect(outputIsTerminal: false, environment: ["TERM": "xterm"]) == .plain)
        #expect(OutputStyle.detect(outputIsTerminal: true, environment: ["NO_COLOR": "1"]) == .plain)
        #expect(OutputStyle.detect(outputIsTerminal: true, environment: ["TERM": "dumb"]) == .plain)
    }

    @Test func richStyles_wrapTextInTheirOwnOnAndOffCodes() {
        let style = OutputStyle.rich
        #expect(style.success("ok") == "\u{1B}[32mok\u{1B}[39m")
        #expect(style.failure("no") == "\u{1B}[31mno\u{1B}[39m")
        #expect(style.warning("hm") == "\u{1B}[33mhm\u{1B}[39m")
        #expect(style.dim("x") == "\u{1B}[2mx\u{1B}[22m")
        #expect(style.bold("x") == "\u{1B}[1mx\u{1B}[22m")
        #expect(style.code("backendlings next") == "\u{1B}[36mbackendlings next\u{1B}[39m")
        #expect(style.bold("Next: " + style.code("n")) == "\u{1B}[1mNext: \u{1B}[36mn\u{1B}[39m\u{1B}[22m")
        #expect(style.success("") == "")
    }

    @Test func plainStyles_returnTheTextUnchanged() {
        let style = OutputStyle.plain
        for styled in [
            style.success("a"), style.failure("a"), style.warning("a"), style.dim("a"), style.bold("a"),
            style.code("a"),
        ] {
            #expect(styled == "a")
        }
    }

    @Test func symbols_areUnicodeWhenRichAndWordsWhenPlain() {
        let rich = OutputStyle.Symbol.allCases.map { OutputStyle.rich.symbol($0) }
        let plain = OutputStyle.Symbol.allCases.map { OutputStyle.plain.symbol($0) }
        #expect(rich == ["✓", "✗", "!", "●", "○", "▸"])
        #expect(plain == ["[done]", "[fail]", "[done!]", "*", "[todo]", ">"])
        #expect(plain.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func progressBar_fillsInProportionAndIsFullOnlyWhenComplete() {
        #expect(OutputStyle.plain.progressBar(completed: 3, total: 10, width: 10) == "###-------")
        #expect(OutputStyle.rich.progressBar(completed: 3, total: 10, width: 10) == "███░░░░░░░")
        #expect(OutputStyle.plain.progressBar(completed: 29, total: 30, width: 10) == "#########-")
        #expect(OutputStyle.plain.progressBar(completed: 30, total: 30, width: 10) == "##########")
        #expect(OutputStyle.plain.progressBar(completed: 0, total: 0, width: 4) == "----")
        #expect(OutputStyle.plain.progressBar(completed: 12, total: 10, width: 4) == "####")
    }

    @Test func progressBar_showsExercisesThatPassedOnceButFailNow_asTheirOwnCells() {
        #expect(OutputStyle.plain.progressBar(completed: 4, total: 10, width: 10, broken: 1) == "###!------")
        #expect(OutputStyle.rich.progressBar(completed: 4, total: 10, width: 10, broken: 2) == "██▒▒░░░░░░")
        // One broken exercise among many still gets a cell of its own.
        #expect(OutputStyle.plain.progressBar(completed: 10, total: 20, width: 10, broken: 1) == "####!-----")
        #expect(OutputStyle.plain.progressBar(completed: 3, total: 10, width: 10, broken: 0) == "###-------")
    }
}
