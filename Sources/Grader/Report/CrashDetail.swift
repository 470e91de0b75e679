/// The lines that explain a crash in every report: the runtime's message, then where in the
/// learner's code it happened, with that line of code.
///
/// ```
/// Your server crashed:
///   db02_insert_fetch/BookStore.swift:25: Fatal error: Unexpectedly found nil while unwrapping an Optional value
///   in BookStore.find(id:) at 01-databases/02-insert-fetch/BookStore.swift:25
///     25 | return title!
/// ```
struct CrashDetail {
    var crash: ServerCrash
    var style: any TextStyle

    func lines() -> [String] {
        var lines = [style.bold("Your server crashed:")]
        if crash.message.isEmpty {
            let kind = crash.kind.map(ReportText.clean) ?? "It crashed"
            lines.append("  " + style.failure(kind + " (Swift printed no message)"))
        } else {
            lines += crash.message.enumerated().map { index, line in
                "  " + (index == 0 ? style.failure(ReportText.clean(line)) : ReportText.clean(line))
            }
        }
        if let location = crash.location {
            lines.append(
                "  in " + ReportText.clean(location.function) + " at "
                    + style.bold(ReportText.clean(location.fileAndLine)))
            if let source = location.source, let line = location.line {
                lines.append("    \(line) | " + ReportText.clean(source))
            }
            if crash.endlessRecursion {
                lines.append(
                    "  It called \(ReportText.clean(location.function)) again and again until the stack ran out: "
                        + "does it call itself without end?")
            }
        }
        return lines
    }
}
