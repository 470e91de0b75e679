import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A learner's very first `swift run backendlings`: while the tool builds (about half a minute,
/// once), the screen shows their first exercise and the start of its lesson, so the wait is spent
/// reading. Shown only then: a bare command on a terminal, with no workspace made yet.
struct FirstRunScreen {
    var exerciseTitle: String
    var exerciseID: String
    /// The lesson file, relative to the checkout.
    var lessonPath: String
    var lessonLines: [String]
    var language: LaunchText.Language
    var width: Int
    var height: Int

    /// The runner's state folder in the default workspace (the Runner's `Workspace.stateFolder`):
    /// once it exists, this is not a first run.
    static let workspaceState = "workspace/.backendlings"

    static func ifFirstRun(
        arguments: [String], environment: [String: String], home: URL, language: LaunchText.Language
    ) -> FirstRunScreen? {
        guard arguments.isEmpty, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
            (environment["BACKENDLINGS_WORKSPACE"] ?? "").isEmpty,
            (environment["BACKENDLINGS_PACK"] ?? "").isEmpty,
            !FileManager.default.fileExists(atPath: home.appendingPathComponent(workspaceState).path)
        else { return nil }
        let (width, height) = terminalSize()
        return load(home: home, language: language, width: width, height: height)
    }

    /// The first exercise of the built-in pack, from `Lessons/pack.json`; nil when it cannot be read.
    static func load(home: URL, language: LaunchText.Language, width: Int, height: Int) -> FirstRunScreen? {
        guard
            let data = FileManager.default.contents(
                atPath: home.appendingPathComponent("Lessons/pack.json").path),
            let pack = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let module = (pack["modules"] as? [[String: Any]])?.first,
            let exercise = (module["exercises"] as? [[String: Any]])?.first,
            let id = exercise["id"] as? String, let title = exercise["title"] as? String,
            let modulePath = module["path"] as? String, let exercisePath = exercise["path"] as? String
        else { return nil }
        let translated =
            ((exercise["translations"] as? [String: Any])?["id"] as? [String: Any])?["title"] as? String
        let folder = "Lessons/\(modulePath)/\(exercisePath)/"
        let indonesian = folder + "README.id.md"
        let lesson =
            language == .id
                && FileManager.default.fileExists(atPath: home.appendingPathComponent(indonesian).path)
            ? indonesian : folder + "README.md"
        guard let text = FileManager.default.contents(atPath: home.appendingPathComponent(lesson).path) else {
            return nil
        }
        var lines = String(decoding: text, as: UTF8.self).components(separatedBy: "\n")
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return FirstRunScreen(
            exerciseTitle: language == .id ? translated ?? title : title, exerciseID: id, lessonPath: lesson,
            lessonLines: Array(lines.drop(while: isPreamble)),
            language: language, width: width, height: height)
    }

    /// Blank lines and HTML comments (a translation's `<!-- translation-of: … -->` stamp) before
    /// the lesson's first words: nothing a learner reads.
    static func isPreamble(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || (trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->"))
    }

    /// Every line but the progress line that goes under it, sized to the terminal. When the welcome
    /// and at least one line of the lesson do not fit, only the exercise and its lesson file are
    /// shown: those are what the learner needs.
    func text() -> String {
        let budget = max(1, height - 1)
        let exercise = [
            "  " + LaunchText.firstExercise(exerciseTitle, id: exerciseID, language),
            "  " + LaunchText.read(language) + " " + lessonPath,
        ]
        let header = ["Backendlings"] + LaunchText.welcome(language).flatMap(wrapped) + [""] + exercise + [""]
        // One row for "… more lines", one blank row above the progress line.
        let room = budget - header.count - 2
        guard room >= 1 else {
            let compact = ["Backendlings"] + exercise
            return compact.suffix(budget).map(fitted).joined(separator: "\n") + "\n"
        }
        var lesson = Array(lessonLines.prefix(room))
        while lesson.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lesson.removeLast() }
        var lines = header + lesson.map { "  " + $0 }
        let remaining = lessonLines.count - lesson.count
        if remaining > 0 { lines.append("  " + LaunchText.moreLines(remaining, language)) }
        lines.append("")
        return lines.map(fitted).joined(separator: "\n") + "\n"
    }

    /// A sentence of ours, broken between words to fit the width (the lesson's lines are cut).
    private func wrapped(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private func fitted(_ line: String) -> String {
        line.count <= width ? line : String(line.prefix(max(1, width - 1))) + "…"
    }

    static func terminalSize() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
