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
        var lines = [style.bold(Words("Your server crashed:", id: "Server kamu crash:").text)]
        if crash.message.isEmpty {
            let kind = crash.kind.map(ReportText.clean) ?? Words("It crashed", id: "Ia crash").text
            lines.append(
                "  "
                    + style.failure(
                        kind + Words(" (Swift printed no message)", id: " (Swift tidak mencetak pesan)").text)
            )
        } else {
            lines += crash.message.enumerated().map { index, line in
                "  " + (index == 0 ? style.failure(ReportText.clean(line)) : ReportText.clean(line))
            }
        }
        if let location = crash.location {
            let function = ReportText.clean(location.function)
            let place = style.bold(ReportText.clean(location.fileAndLine))
            lines.append("  " + Words("in \(function) at \(place)", id: "di \(function) pada \(place)").text)
            if let source = location.source, let line = location.line {
                lines.append("    \(line) | " + ReportText.clean(source))
            }
            if crash.endlessRecursion {
                lines.append(
                    "  "
                        + Words(
                            "It called \(function) again and again until the stack ran out: "
                                + "does it call itself without end?",
                            id: "Ia memanggil \(function) berulang-ulang sampai stack-nya habis: "
                                + "apakah fungsi itu memanggil dirinya sendiri tanpa henti?"
                        ).text)
            }
        }
        return lines
    }
}
