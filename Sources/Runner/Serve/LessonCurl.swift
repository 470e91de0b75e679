import Foundation

/// The curl line `serve` suggests: one the lesson itself gives, so it names a route the exercise
/// really has (a bare `/` answers 404 in every exercise).
///
/// Taken from the lesson's README: its first `curl` line that only reads (no `-X`, no body, one
/// line), else its first `curl` command with its continuation lines joined. The address is moved
/// to the port the server runs on.
public enum LessonCurl {
    public static let lessonAddress = "http://127.0.0.1:8080"

    public static func example(in readme: String, port: Int) -> String? {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let starts = lines.indices.filter {
            lines[$0].hasPrefix("curl ") && lines[$0].contains(lessonAddress)
        }
        let readOnly = starts.first { index in
            let line = lines[index]
            return !line.hasSuffix("\\") && !line.contains(" -X ") && !line.contains(" -d ")
                && !line.contains("--data")
        }
        guard let chosen = readOnly ?? starts.first else { return nil }
        var command = lines[chosen]
        var next = chosen + 1
        while command.hasSuffix("\\"), next < lines.count {
            command = String(command.dropLast()).trimmingCharacters(in: .whitespaces) + " " + lines[next]
            next += 1
        }
        return command.replacingOccurrences(of: lessonAddress, with: "http://127.0.0.1:\(port)")
    }

    /// The example for `exercise`, read from its README; nil when the lesson has none.
    public static func example(for exercise: Exercise, in pack: Pack, port: Int) -> String? {
        guard let text = try? String(contentsOf: pack.lessonText(of: exercise), encoding: .utf8) else {
            return nil
        }
        return example(in: text, port: port)
    }
}
