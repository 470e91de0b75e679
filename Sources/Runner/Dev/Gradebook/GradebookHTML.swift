import Foundation
import Grader

extension Gradebook {
    /// The gradebook as one self-contained HTML document (styles and script inline, no external
    /// assets), so an instructor can open it from disk offline or attach it to a mail. Every value
    /// that came from a learner (folder names, check messages, which quote their server's output) is
    /// escaped, and the page's Content-Security-Policy forbids loading anything.
    public func html() -> String {
        let e = HTMLEscaping.escape
        let t = text
        var html = "<!DOCTYPE html>\n<html lang=\"\(e(language.code))\"><head><meta charset=\"utf-8\">"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        html += "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<link rel=\"icon\" href=\"data:,\">"
        html += "<title>\(t(GradebookText.title)) · \(e(packName))</title>"
        html += "<style>\(GradebookAssets.style)</style></head>\n<body><main>"
        html += "<h1>\(t(GradebookText.title)) <small>\(e(packName))</small></h1>\n"
        html += summary()
        html += "<section class=\"grades\"><table id=\"grades\">\(header())<tbody>\n"
        for row in rows { html += self.row(row) }
        html += "</tbody></table></section>\n"
        html += "<section id=\"detail\"><h2>\(t(GradebookText.detailTitle))</h2>"
        html +=
            "<div id=\"detail-body\"><p class=\"muted\">\(t(GradebookText.detailEmpty))</p></div></section>\n"
        html += stuckSection()
        html += "</main><script>\(GradebookAssets.script)</script></body></html>\n"
        return html
    }

    private func text(_ words: Words) -> String { HTMLEscaping.escape(words[language]) }

    private var columnCount: Int { modules.reduce(0) { $0 + $1.exercises.count + 1 } + 2 }

    private func summary() -> String {
        let t = text
        let score = rows.reduce(Score(score: 0, maxScore: 0)) {
            Score(score: $0.score + $1.total.score, maxScore: $0.maxScore + $1.total.maxScore)
        }
        let exercises = modules.reduce(0) { $0 + $1.exercises.count }
        var html = "<p id=\"summary\">\(rows.count) \(t(GradebookText.learners)) · \(exercises) "
        html += "\(t(GradebookText.exercises)) · \(t(GradebookText.classScore)): "
        html += "<strong>\(score.score)/\(score.maxScore)</strong> (\(Self.percent(score))%)</p>\n"
        html += "<p class=\"muted\" id=\"legend\">\(t(GradebookText.sortHint)) "
        html +=
            "x/N: \(t(GradebookText.attempts)) · \(t(GradebookText.firstPass)) · \(t(GradebookText.hints))</p>\n"
        return html
    }

    private func header() -> String {
        let e = HTMLEscaping.escape
        let t = text
        var top = "<thead><tr><th rowspan=\"2\" data-col=\"0\" data-type=\"text\" class=\"sortable\">"
        top += "\(t(GradebookText.learner))</th>"
        var bottom = "<tr>"
        var column = 1
        for module in modules {
            top += "<th colspan=\"\(module.exercises.count + 1)\" class=\"module\">\(e(module.title))</th>"
            for exercise in module.exercises {
                bottom += "<th data-col=\"\(column)\" class=\"sortable\" title=\"\(e(exercise.title))\">"
                bottom += "<code>\(e(exercise.id))</code></th>"
                column += 1
            }
            bottom += "<th data-col=\"\(column)\" class=\"sortable subtotal\">\(t(GradebookText.total))</th>"
            column += 1
        }
        top +=
            "<th rowspan=\"2\" data-col=\"\(column)\" class=\"sortable total\">\(t(GradebookText.total))</th></tr>"
        return top + bottom + "</tr></thead>"
    }

    private func row(_ row: Row) -> String {
        let e = HTMLEscaping.escape
        var html = "<tr class=\"learner\" data-learner=\"\(e(row.learner))\">"
        html += "<th scope=\"row\" data-col=\"0\" data-value=\"\(e(row.learner))\">\(e(row.learner))</th>"
        if let problem = row.problem {
            html += "<td class=\"problem\" colspan=\"\(columnCount - 2)\">\(text(GradebookText.notGraded)): "
            html +=
                "\(e(problem))</td><td class=\"total\" data-col=\"\(columnCount - 1)\" data-value=\"-1\">–</td>"
            return html + "</tr>\n"
        }
        var column = 1
        var cells = row.cells[...]
        for (index, module) in modules.enumerated() {
            for _ in module.exercises {
                if let cell = cells.popFirst() {
                    html += self.cell(cell, learner: row.learner, column: column)
                }
                column += 1
            }
            html += total(row.moduleTotals[index], column: column, kind: "subtotal")
            column += 1
        }
        html += total(row.total, column: column, kind: "total")
        return html + "</tr>\n"
    }

    private func total(_ score: Score, column: Int, kind: String) -> String {
        "<td class=\"\(kind)\" data-col=\"\(column)\" data-value=\"\(Self.ratio(score))\">"
            + "\(score.score)/\(score.maxScore)</td>"
    }

    private func cell(_ cell: Cell, learner: String, column: Int) -> String {
        let e = HTMLEscaping.escape
        let t = text
        let firstPass =
            cell.firstPassSeconds.map { ProgressPageText.duration($0, in: language) } ?? "–"
        let why = cell.status == "pass" ? nil : (cell.failingCheck ?? GradebookText.nothingRan[language])
        var html =
            "<td class=\"cell \(e(cell.status))\" data-col=\"\(column)\" data-value=\"\(Self.ratio(cell.score))\""
        html += " data-exercise=\"\(e(cell.exercise))\""
        if let why {
            let hover = why + ": " + (cell.failingMessage ?? GradebookText.noMessage[language])
            html += " tabindex=\"0\" title=\"\(e(Self.clipped(hover)))\""
        } else {
            html += " title=\"\(t(GradebookText.status(cell.status)))\""
        }
        html += "><span class=\"score\">\(cell.score.score)/\(cell.score.maxScore)</span>"
        html += "<span class=\"meta\"><span class=\"attempts\" title=\"\(t(GradebookText.attempts))\">"
        html +=
            "\(cell.attempts)</span> · <span class=\"first-pass\" title=\"\(t(GradebookText.firstPass))\">"
        html += "\(e(firstPass))</span> · <span class=\"hints\" title=\"\(t(GradebookText.hints))\">"
        html += "\(cell.hintsShown)/\(cell.hintsTotal)</span></span>"
        if let why {
            html += "<div class=\"why\" hidden><h3><span class=\"who\">\(e(learner))</span> · "
            html += "<code>\(e(cell.exercise))</code> · \(e(why))</h3>"
            html += "<pre>\(e(cell.failingMessage ?? GradebookText.noMessage[language]))</pre></div>"
        }
        return html + "</td>"
    }

    private func stuckSection() -> String {
        let e = HTMLEscaping.escape
        let t = text
        var html = "<section id=\"stuck\"><h2>\(t(GradebookText.stuckTitle))</h2>\n"
        if stuck.isEmpty { return html + "<p class=\"muted\">\(t(GradebookText.stuckEmpty))</p></section>\n" }
        for exercise in stuck {
            html +=
                "<div class=\"stuck\" id=\"stuck-\(e(exercise.exercise))\"><h3><code>\(e(exercise.exercise))</code> "
            html +=
                "\(e(exercise.title)) <small>\(exercise.passing) \(t(GradebookText.of)) \(exercise.graded) "
            html += "\(t(GradebookText.learnersPass))</small></h3><ol>"
            for check in exercise.checks where check.failing > 0 {
                let percent = exercise.graded == 0 ? 0 : check.failing * 100 / exercise.graded
                html += "<li\(check.example.map { " title=\"\(e(Self.clipped($0)))\"" } ?? "")>"
                html += "<span class=\"bar\"><span style=\"width:\(percent)%\"></span></span>"
                html +=
                    "<span class=\"count\">\(check.failing) \(t(GradebookText.of)) \(exercise.graded)</span> "
                html += "<span class=\"check\">\(e(check.name))</span></li>"
            }
            html += "</ol></div>\n"
        }
        return html + "</section>\n"
    }

    /// A tooltip stays readable: the full message is one click away.
    private static func clipped(_ text: String) -> String {
        text.count > tooltipLimit ? String(text.prefix(tooltipLimit)) + "…" : text
    }

    private static let tooltipLimit = 400

    /// The sort key of a score: the share of points earned, with 4 digits (0 of 0 sorts first).
    private static func ratio(_ score: Score) -> String {
        score.maxScore == 0 ? "0" : String(format: "%.4f", Double(score.score) / Double(score.maxScore))
    }

    private static func percent(_ score: Score) -> Int {
        score.maxScore == 0 ? 0 : score.score * 100 / score.maxScore
    }
}
