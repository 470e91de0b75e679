import Foundation

/// The progress page's chart as inline SVG: checks passing (all exercises together) after each
/// recorded check, on a time axis. Drawn on the server, so the page needs no script to show it.
enum ProgressChart {
    static let width = 640.0
    static let height = 200.0
    static let margin = 36.0

    static func svg(_ points: [ProgressSnapshot.ChartPoint], label: String) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let top = Double(max(1, points.map(\.checksPassing).max() ?? 1))
        let span = max(1, last.at.timeIntervalSince(first.at))
        func x(_ point: ProgressSnapshot.ChartPoint) -> Double {
            points.count == 1
                ? width / 2 : margin + (width - 2 * margin) * point.at.timeIntervalSince(first.at) / span
        }
        func y(_ value: Int) -> Double { height - margin - (height - 2 * margin) * Double(value) / top }
        let line = points.map { "\(format(x($0))),\(format(y($0.checksPassing)))" }.joined(separator: " ")
        var svg =
            "<svg id=\"chart\" role=\"img\" viewBox=\"0 0 \(format(width)) \(format(height))\" "
            + "aria-label=\"\(HTMLEscaping.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg +=
            "<line class=\"axis\" x1=\"\(format(margin))\" y1=\"\(format(height - margin))\" "
            + "x2=\"\(format(width - margin))\" y2=\"\(format(height - margin))\"/>"
        svg +=
            "<line class=\"axis\" x1=\"\(format(margin))\" y1=\"\(format(margin))\" "
            + "x2=\"\(format(margin))\" y2=\"\(format(height - margin))\"/>"
        svg +=
            "<text class=\"tick\" x=\"\(format(margin - 6))\" y=\"\(format(y(Int(top)) + 4))\" text-anchor=\"end\">\(Int(top))</text>"
        svg +=
            "<text class=\"tick\" x=\"\(format(margin - 6))\" y=\"\(format(y(0) + 4))\" text-anchor=\"end\">0</text>"
        svg += "<polyline class=\"line\" points=\"\(line)\"/>"
        for point in points {
            svg +=
                "<circle class=\"dot\" cx=\"\(format(x(point)))\" cy=\"\(format(y(point.checksPassing)))\" r=\"3\">"
                + "<title>\(HTMLEscaping.escape("\(point.exercise): \(point.checksPassing)"))</title></circle>"
        }
        svg +=
            "<text class=\"tick\" x=\"\(format(margin))\" y=\"\(format(height - 10))\">\(timeLabel(first.at))</text>"
        if points.count > 1 {
            svg +=
                "<text class=\"tick\" x=\"\(format(width - margin))\" y=\"\(format(height - 10))\" "
                + "text-anchor=\"end\">\(timeLabel(last.at))</text>"
        }
        return svg + "</svg>"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `2026-12-01 13:05` in the machine's time zone.
    static func timeLabel(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
