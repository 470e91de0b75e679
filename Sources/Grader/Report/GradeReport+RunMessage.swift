extension GradeReport {
    /// The message of an `error` run as cleaned lines, never empty: every output leads with it, and
    /// a run that failed without saying why must still say something.
    var runMessageLines: [String] {
        let lines = ReportText.trimmedLines(message ?? "").map(ReportText.clean)
        return lines.isEmpty ? ["The grader could not run the checks, and it did not say why."] : lines
    }
}
