/// The lines a report shows for an HTTP body: the start of it, trimmed to a few lines, with a count
/// of what was left out; or one line saying it is binary.
///
/// A body can be a whole database dump; the report must stay short enough that the learner still
/// sees the message, the curl line and the hint without scrolling.
struct BodyPreview {
    /// Lines shown at most.
    var maxLines: Int
    /// Characters shown at most, over all lines (a one-line JSON array can be very long).
    var maxCharacters: Int

    /// What a response body is trimmed to.
    static let response = BodyPreview(maxLines: 20, maxCharacters: 2000)
    /// What a request body is trimmed to: it was written by the grader, the learner needs less of it.
    static let request = BodyPreview(maxLines: 6, maxCharacters: 1000)

    /// The lines to show for `body`, plus `… 1,234 more bytes` when anything was left out, here or
    /// already by the recorder (`omittedBytes`). Empty when there is no body at all.
    func lines(_ body: String?, omittedBytes: Int = 0) -> [String] {
        let body = body ?? ""
        let omitted = max(0, omittedBytes)
        if Self.isBinary(body) {
            let count = ReportNumbers.grouped(Self.byteCount(body) + omitted)
            return [Words("(\(count) bytes of binary data)", id: "(\(count) byte data biner)").text]
        }
        var shown: [String] = []
        var characters = 0
        var cut = body.startIndex
        var lineStart = body.startIndex
        var index = body.startIndex
        while index < body.endIndex, shown.count < maxLines, characters < maxCharacters {
            if body[index].isNewline {
                shown.append(String(body[lineStart..<index]))
                index = body.index(after: index)
                lineStart = index
                cut = index
                continue
            }
            characters += 1
            index = body.index(after: index)
            if characters == maxCharacters || index == body.endIndex {
                shown.append(String(body[lineStart..<index]))
                cut = index
            }
        }
        let rest = body[cut...]
        let remaining = (rest.allSatisfy(\.isNewline) ? 0 : rest.utf8.count) + omitted
        shown = shown.map(ReportText.clean)
        if remaining > 0 {
            let count = ReportNumbers.grouped(remaining)
            shown.append(
                Words("… \(count) more \(remaining == 1 ? "byte" : "bytes")", id: "… \(count) byte lagi").text
            )
        }
        return shown
    }

    /// Whether `body` is better described than shown: it holds replacement characters (bytes that
    /// were not UTF-8) or control characters other than tab and line breaks.
    static func isBinary(_ body: String) -> Bool {
        body.unicodeScalars.contains { scalar in
            if scalar == "\u{FFFD}" { return true }
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
            return ReportText.isControl(scalar)
        }
    }

    /// The size of the original bytes as well as the text allows: each replacement character stood
    /// for (at least) one byte that was not UTF-8.
    private static func byteCount(_ body: String) -> Int {
        body.unicodeScalars.reduce(0) { total, scalar in
            total + (scalar == "\u{FFFD}" ? 1 : scalar.utf8.count)
        }
    }
}
