import Foundation
import Testing

@testable import Grader

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct JUnitReportTests {
    typealias F = ReportFixtures

    /// Whether `xml` is well-formed XML 1.0, as a CI tool's parser would judge it.
    func isWellFormed(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    @Test func textEscaping_coversMarkupAndKeepsQuotesReadable() {
        #expect(XMLEscaping.text(#"a & b < c > d "e" 'f'"#) == #"a &amp; b &lt; c &gt; d "e" 'f'"#)
    }

    @Test func attributeEscaping_coversQuotesAndLineBreaks() {
        #expect(
            XMLEscaping.attribute("a&b<c>\"d\"'e'\tf\ng\rh")
                == "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g&#13;h")
    }

    @Test func charactersXMLForbids_becomeReplacementCharacters() {
        #expect(
            XMLEscaping.text("nul\u{0} bell\u{7} esc\u{1B} ff\u{C} \u{FFFE}\u{FFFF} ok\u{85}")
                == "nul� bell� esc� ff� �� ok\u{85}")
        #expect(XMLEscaping.text("tab\tnewline\n emoji 🙂") == "tab\tnewline\n emoji 🙂")
    }

    @Test func hostileNamesAndBodies_stillGiveWellFormedXML() {
        let hostile = "]]><!-- \"quotes\" & 'apostrophes' <tag> \u{0}\u{8}\u{1B}[31m \u{FFFF}"
        let report = GradeReport(
            exercise: "e<&>\"", status: .fail,
            checks: [
                F.check(
                    hostile, .fail, message: hostile, hint: hostile,
                    exchange: F.exchange(
                        F.request("POST", "/x?a=<b>&c", headers: [("X-H", hostile)], body: hostile),
                        F.response(headers: [("X-H", hostile)], body: hostile))),
                F.check(hostile, .skipped),
            ],
            serverLog: CapturedOutput(head: hostile))
        let xml = JUnitReport.render(report)
        #expect(isWellFormed(xml))
        #expect(isWellFormed(JUnitReport.render(F.failingRun())))
        #expect(
            !isWellFormed("<a>\u{1}</a>"), "the parser must be able to refuse, or this test proves nothing")
    }

    @Test func errorRun_becomesOneErroredTestCase_soCIDoesNotShowGreen() {
        let xml = JUnitReport.render(F.erroringRun())
        #expect(
            xml.contains(
                #"<testsuite name="db01-schema" tests="1" failures="0" errors="1" skipped="0" time="1.250">"#)
        )
        #expect(xml.contains(#"<testcase classname="db01-schema" name="grading run" time="1.250">"#))
        #expect(isWellFormed(xml))
    }

    @Test func counts_matchTheChecks() {
        let report = GradeReport(
            exercise: "e", status: .fail,
            checks: [
                F.check("a"), F.check("b", .fail), F.check("c", .error), F.check("d", .skipped),
                F.check("e", .skipped),
            ],
            duration: 1.5)
        #expect(
            JUnitReport.render(report).contains(
                #"<testsuite name="e" tests="5" failures="1" errors="1" skipped="2" time="1.500">"#))
    }

    @Test func erroredCheck_isAnErrorElementWithItsMessage() {
        let report = GradeReport(
            exercise: "e", status: .fail,
            checks: [F.check("crash", .error, message: "Your server crashed.\nSIGILL")])
        #expect(
            JUnitReport.render(report).contains(
                #"<error message="Your server crashed.&#10;SIGILL">Your server crashed."# + "\nSIGILL</error>"
            ))
    }

    @Test func noLog_meansNoSystemOut() {
        #expect(!JUnitReport.render(GradeReport(exercise: "e", status: .pass)).contains("system-out"))
    }

    @Test func times_haveThreeDecimals_whateverTheInput() {
        #expect(ReportNumbers.seconds(0.0424) == "0.042")
        #expect(ReportNumbers.seconds(0.0005) == "0.001")
        #expect(ReportNumbers.seconds(12.5) == "12.500")
        #expect(ReportNumbers.seconds(1234.5678) == "1234.568")
        #expect(ReportNumbers.seconds(-1) == "0.000")
        #expect(ReportNumbers.seconds(.nan) == "0.000")
        #expect(ReportNumbers.seconds(.infinity) == "0.000")
    }
}
