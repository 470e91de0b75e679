import Foundation
import Grader

/// The progress page as one self-contained HTML document: styles, chart and script inline, no
/// external assets, so it works offline. Every value is escaped with `HTMLEscaping`.
enum ProgressPageHTML {
    /// How often the page asks whether the progress changed.
    static let pollMilliseconds = 2_000

    static func render(_ snapshot: ProgressSnapshot) -> String {
        let language = Language(code: snapshot.language) ?? .en
        func t(_ words: Words) -> String { HTMLEscaping.escape(words[language]) }
        let e = HTMLEscaping.escape
        var html = "<!DOCTYPE html>\n<html lang=\"\(e(language.code))\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<link rel=\"icon\" href=\"data:,\">"
        html += "<title>\(t(ProgressPageText.title)) · \(e(snapshot.packName))</title>"
        html += "<style>\(style)</style></head>\n"
        html += "<body data-revision=\"\(e(snapshot.revision))\"><main>"
        html += "<h1>\(t(ProgressPageText.title)) <small>\(e(snapshot.packName))</small></h1>"
        let percent = snapshot.total == 0 ? 0 : snapshot.done * 100 / snapshot.total
        html += "<section class=\"totals\">"
        html += total("done", t(ProgressPageText.done), "\(snapshot.done)/\(snapshot.total) (\(percent)%)")
        html += total(
            "time", t(ProgressPageText.timeSpent),
            e(ProgressPageText.duration(snapshot.secondsSpent, in: language)))
        html += total("hints", t(ProgressPageText.hintsUsed), "\(snapshot.hintsUsed)")
        html += "</section>"
        if let current = snapshot.current { html += currentSection(current, language: language) }
        html += "<section><h2>\(t(ProgressPageText.chart))</h2>"
        html +=
            snapshot.chart.isEmpty
            ? "<p class=\"muted\" id=\"chart-empty\">\(t(ProgressPageText.chartEmpty))</p>"
            : ProgressChart.svg(snapshot.chart, label: ProgressPageText.chartLabel[language])
        html += "</section>"
        for module in snapshot.modules { html += moduleSection(module, language: language) }
        html += "<p class=\"muted\" id=\"live\" data-offline=\"\(t(ProgressPageText.offline))\">"
        html += "\(t(ProgressPageText.live))</p></main><script>\(script)</script></body></html>\n"
        return html
    }

    static func total(_ id: String, _ label: String, _ value: String) -> String {
        "<div class=\"total\" id=\"total-\(id)\"><span class=\"label\">\(label)</span>"
            + "<span class=\"value\">\(value)</span></div>"
    }

    static func currentSection(_ current: ProgressSnapshot.CurrentEntry, language: Language) -> String {
        let e = HTMLEscaping.escape
        var html = "<section id=\"current\"><h2>\(e(ProgressPageText.currentExercise[language])): "
        html += "<code>\(e(current.id))</code> \(e(current.title))</h2>"
        guard let failure = current.failure else {
            return html
                + "<p class=\"muted\" id=\"no-failure\">\(e(ProgressPageText.noFailure[language]))</p></section>"
        }
        html += "<div class=\"failure\" id=\"failure\"><h3>\(e(ProgressPageText.latestFailure[language])): "
        html += "\(e(failure.check ?? ProgressPageText.didNotRun[language]))</h3>"
        html += "<pre>\(e(failure.message))</pre></div></section>"
        return html
    }

    static func moduleSection(_ module: ProgressSnapshot.ModuleEntry, language: Language) -> String {
        let e = HTMLEscaping.escape
        func t(_ words: Words) -> String { e(words[language]) }
        var html = "<section class=\"module\" id=\"module-\(e(module.id))\">"
        html += "<h2>\(e(module.title)) <small>\(module.done)/\(module.total)</small></h2>"
        html +=
            "<table><thead><tr><th>\(t(ProgressPageText.exercise))</th><th>\(t(ProgressPageText.status))</th>"
        html += "<th>\(t(ProgressPageText.attempts))</th><th>\(t(ProgressPageText.time))</th>"
        html += "<th>\(t(ProgressPageText.hints))</th></tr></thead><tbody>"
        for exercise in module.exercises {
            html += "<tr id=\"exercise-\(e(exercise.id))\" class=\"\(e(exercise.standing))"
            html += exercise.isCurrent ? " current\">" : "\">"
            html += "<td><code>\(e(exercise.id))</code> \(e(exercise.title))"
            if exercise.isCurrent { html += " <span class=\"tag\">\(t(ProgressPageText.current))</span>" }
            html += "</td><td class=\"status\">\(t(ProgressPageText.standing(exercise.standing)))</td>"
            html += "<td>\(exercise.attempts)</td>"
            html += "<td>\(e(ProgressPageText.duration(exercise.secondsSpent, in: language)))</td>"
            html += "<td>\(exercise.hintsShown)/\(exercise.hintsTotal)</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// Polls `/progress.json`; reloads when the revision changed, says so when the server is gone.
    static let script = """
        (function () {
          var revision = document.body.getAttribute("data-revision");
          var live = document.getElementById("live");
          function poll() {
            fetch("/progress.json", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (snapshot) {
                if (snapshot.revision !== revision) { window.location.reload(); return; }
                setTimeout(poll, \(pollMilliseconds));
              })
              .catch(function () { live.textContent = live.getAttribute("data-offline"); });
          }
          setTimeout(poll, \(pollMilliseconds));
        })();
        """

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
        main{max-width:900px;margin:0 auto;padding:24px}
        h1 small,h2 small{color:#6b7280;font-weight:normal;font-size:.7em}
        section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px #0002}
        .totals{display:flex;gap:32px}.total .label{display:block;color:#6b7280;font-size:.85em}
        .total .value{font-size:1.5em;font-weight:600}
        table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eceef2}
        th{color:#6b7280;font-weight:normal;font-size:.85em}td:not(:first-child){white-space:nowrap}
        tr.done .status{color:#15803d}tr.broken .status{color:#b45309}tr.failing .status{color:#b91c1c}
        tr.pending .status{color:#6b7280}tr.current{background:#eef4ff}
        .tag{background:#2563eb;color:#fff;border-radius:4px;padding:1px 6px;font-size:.75em}
        .failure pre{background:#1d2330;color:#f3f4f6;padding:12px;border-radius:6px;white-space:pre-wrap;overflow-x:auto}
        .muted{color:#6b7280}svg{width:100%;height:auto}.axis{stroke:#9ca3af}
        .line{fill:none;stroke:#2563eb;stroke-width:2}.dot{fill:#2563eb}.tick{font-size:11px;fill:#6b7280}
        """
}
