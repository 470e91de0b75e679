extension GradeReport {
    /// The message of an `error` run as cleaned lines, never empty: every output leads with it, and
    /// a run that failed without saying why must still say something.
    public var runMessageLines: [String] {
        let lines = ReportText.trimmedLines(message ?? "").map(ReportText.clean)
        return lines.isEmpty
            ? [
                Words(
                    "The grader could not run the checks, and it did not say why.",
                    id: "Grader tidak bisa menjalankan pengecekan, dan tidak menyebutkan alasannya."
                ).text
            ] : lines
    }

    /// The message of an `error` run followed by its crash, if the server crashed: what results.json
    /// and JUnit carry for the run, in plain text.
    var runDetailLines: [String] {
        guard let crash else { return runMessageLines }
        return runMessageLines + [""] + CrashDetail(crash: crash, style: PlainTextStyle()).lines()
    }
}
