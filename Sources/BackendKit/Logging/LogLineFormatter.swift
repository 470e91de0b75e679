import Foundation

/// Renders one log event as a text or JSON line ending in "\n".
enum LogLineFormatter {
    static func format(
        level: Logger.Level, message: String, metadata: [String: LogValue], as format: Logger.Format,
        time: Date
    ) -> String {
        let timestamp = timestamp(time)
        let keys = metadata.keys.sorted()
        switch format {
        case .text:
            // The key=value pairs go on the first line, so `grep request_id=…` finds every event
            // whole; further lines of a long message follow, indented.
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            var line =
                timestamp + " " + level.name.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
                + (lines.first ?? "")
            for key in keys {
                line += " \(key)=\(quotedIfNeeded(metadata[key]!.description))"
            }
            for continuation in lines.dropFirst() { line += "\n    " + continuation }
            return line + "\n"
        case .json:
            var line =
                "{\"time\":\(jsonString(timestamp)),\"level\":\(jsonString(level.name)),\"message\":\(jsonString(message))"
            for key in keys where !["time", "level", "message"].contains(key) {
                line += ",\(jsonString(key)):"
                switch metadata[key]! {
                case .string(let value): line += jsonString(value)
                case .int(let value): line += String(value)
                case .double(let value): line += value.isFinite ? String(format: "%.3f", value) : "null"
                }
            }
            return line + "}\n"
        }
    }

    /// `2026-11-29T05:11:06.123Z`, built by hand: DateFormatter is far too slow for a per-request line.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int((interval - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        if !value.isEmpty && !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline })
        {
            return value
        }
        return jsonString(value)
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func jsonString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
