import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the learner sees while the tool builds: the first-run screen with a progress line under it,
/// or one line on standard error (updated in place on a terminal, printed once otherwise). Never on
/// standard output without a screen, so `check --json` and other scripts read only the tool.
final class BuildProgressLine {
    private let screen: FirstRunScreen?
    private let language: LaunchText.Language
    private let interactive: Bool
    private var lastShown = ""

    init(screen: FirstRunScreen?, language: LaunchText.Language, interactive: Bool) {
        self.screen = screen
        self.language = language
        self.interactive = interactive
    }

    func begin() {
        if let screen {
            write(screen.text(), toOutput: true)
            show("")
        } else {
            let line = LaunchText.rebuilding(language)
            write(interactive ? line : line + "\n", toOutput: false)
            lastShown = line
        }
    }

    /// One line of SwiftPM's output: `[152/395] Compiling …` moves the counter.
    func show(_ outputLine: String) {
        guard screen != nil || interactive else { return }
        let line: String
        if let steps = Self.steps(in: outputLine) {
            line = LaunchText.progress(done: steps.done, of: steps.total, firstRun: screen != nil, language)
        } else if outputLine.isEmpty {
            line = LaunchText.progress(done: 0, of: 0, firstRun: screen != nil, language)
        } else if outputLine.hasPrefix(Self.waitingForAnotherBuild) {
            // Another build holds the folder (a `swift test`, say): say why nothing moves.
            line = outputLine
        } else {
            return
        }
        guard line != lastShown else { return }
        lastShown = line
        write("\r\u{1B}[K" + line, toOutput: screen != nil)
    }

    func end() {
        if screen != nil || interactive { write("\r\u{1B}[K", toOutput: screen != nil) }
    }

    /// How SwiftPM starts the line it prints while another build holds the build folder's lock.
    static let waitingForAnotherBuild = "Another instance of SwiftPM"

    /// `[152/395]` at the start of a line.
    static func steps(in line: String) -> (done: Int, total: Int)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let parts = line[line.index(after: line.startIndex)..<close].split(separator: "/")
        guard parts.count == 2, let done = Int(parts[0]), let total = Int(parts[1]) else { return nil }
        return (done, total)
    }

    private func write(_ text: String, toOutput: Bool) {
        (toOutput ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
    }
}
