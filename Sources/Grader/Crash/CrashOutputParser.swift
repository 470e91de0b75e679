import Foundation

/// Reads what Swift's runtime prints when a program crashes on Linux, so a report can show the two
/// things a learner needs — the runtime's message and the line of their code — and leave the rest out.
///
/// What the Swift 6 runtime prints (samples in `Tests/GraderTests/Crash/Samples`):
///
/// ```
/// db02_insert_fetch/BookStore.swift:8: Fatal error: Unexpectedly found nil while unwrapping an Optional value
///
/// *** Signal 4: Backtracing from 0x7fbf1276df7f... done ***
///
/// *** Program crashed: Illegal instruction at 0x00007fbf1276df7f ***
/// …
/// Thread 1 crashed:
///
///   0      0x00007f… closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
///   2 [ra] 0x000055… BookStore.find(id:) + 283 in db02-insert-fetch at /home/ayu/…/BookStore.swift:8:21
/// …
/// Registers: … Images (21 omitted): … Backtrace took 0.04s
/// ```
///
/// With the backtracer off (`SWIFT_BACKTRACE=enable=no`) only the message and a "Current stack
/// trace:" of addresses remain. A thrown error that nothing caught prints
/// `Swift/ErrorType.swift:254: Fatal error: Error raised at top level: …`, possibly over several lines.
public struct CrashOutputParser: Sendable {
    /// The learner's folder (a workspace): the first frame inside it is the one shown, with its path
    /// relative to it. `nil`: the first frame with a source file outside BackendKit.
    public var learnerRoot: String?
    private let readSourceLine: @Sendable (_ path: String, _ line: Int) -> String?

    /// What starts the runtime's message (after an optional `file:line: ` prefix).
    static let messageMarkers = ["Fatal error", "Precondition failed", "Assertion failed"]
    /// Lines of a message kept at most (an error's description may be long).
    static let maxMessageLines = 6
    /// How many frames of one function make a crash count as endless recursion.
    static let recursionFrames = 20

    public init(learnerRoot: String? = nil) {
        self.init(learnerRoot: learnerRoot, readSourceLine: SourceLineReader.line)
    }

    init(learnerRoot: String?, readSourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.learnerRoot = learnerRoot.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.readSourceLine = readSourceLine
    }

    /// The learner's folder for a server built by SwiftPM: the folder that holds the `.build` the
    /// executable lies in (`…/workspace/.build/debug/db01-schema` gives `…/workspace`).
    public static func learnerRoot(forExecutable path: String) -> String? {
        guard let range = path.range(of: "/.build/", options: .backwards) else { return nil }
        let root = String(path[..<range.lowerBound])
        return root.isEmpty ? nil : root
    }

    /// Whether `text` holds the start of a crash report: a runtime message or the backtracer's
    /// first line. A server that printed this is dying, and its report is still being written.
    public static func showsCrash(_ text: String) -> Bool {
        text.contains("*** Signal ") || text.contains("*** Program crashed: ")
            || ReportText.lines(text).contains { messageStart($0) }
    }

    /// The last crash in `output`, or `nil` when it shows none.
    public func parse(_ output: String) -> ServerCrash? {
        let lines = ReportText.lines(output)
        let programCrashed = lines.lastIndex { $0.hasPrefix("*** Program crashed: ") }
        let searchEnd = programCrashed ?? lines.endIndex
        let messageIndex = lines[..<searchEnd].lastIndex(where: Self.messageStart)
        let message = messageIndex.map { Self.message(startingAt: $0, in: lines) } ?? []
        guard !message.isEmpty || programCrashed != nil else { return nil }
        let kind = programCrashed.map { Self.kind(from: lines[$0]) }
        let frames = programCrashed.map { Self.crashedThreadFrames(in: lines, after: $0) } ?? []
        let frame = learnerFrame(in: frames)
        let repeats = frame.map { chosen in frames.filter { $0.function == chosen.function }.count } ?? 0
        return ServerCrash(
            message: message,
            kind: kind,
            location: frame.map { location(of: $0) },
            endlessRecursion: repeats >= Self.recursionFrames
        )
    }

    // MARK: The message

    /// `file:line: Fatal error: …`, `Fatal error: …`, `Precondition failed`.
    static func messageStart(_ line: String) -> Bool {
        for marker in messageMarkers {
            guard let range = line.range(of: marker) else { continue }
            let after = line[range.upperBound...]
            guard after.isEmpty || after.hasPrefix(":") else { continue }
            let before = line[..<range.lowerBound]
            if before.isEmpty { return true }
            // `Swift/ErrorType.swift:254: ` or `db01_schema/BookStore.swift:8: `
            guard before.hasSuffix(": ") else { continue }
            let place = before.dropLast(2)
            if let colon = place.lastIndex(of: ":"), !place[place.index(after: colon)...].isEmpty,
                place[place.index(after: colon)...].allSatisfy(\.isNumber), !place.contains(" ")
            {
                return true
            }
        }
        return false
    }

    /// The message line and the lines that continue it, up to a blank line or the backtrace.
    private static func message(startingAt start: Int, in lines: [String]) -> [String] {
        var message = [lines[start]]
        var index = start + 1
        while index < lines.count, message.count < maxMessageLines {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("*** ")
                || line.hasPrefix("Current stack trace:")
                || messageStart(line)
            {
                break
            }
            message.append(line)
            index += 1
        }
        return message
    }

    /// `*** Program crashed: Illegal instruction at 0x00007f… ***` gives "Illegal instruction".
    private static func kind(from line: String) -> String {
        var text = line.dropFirst("*** Program crashed: ".count)
        if let at = text.range(of: " at 0x") {
            text = text[..<at.lowerBound]
        } else if text.hasSuffix(" ***") {
            text = text.dropLast(4)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Frames

    /// The frames under `Thread N crashed:` (or `Thread N "name" crashed:`) after `start`.
    private static func crashedThreadFrames(in lines: [String], after start: Int) -> [BacktraceFrame] {
        guard
            let header = lines[start...].firstIndex(where: {
                $0.hasPrefix("Thread ") && $0.hasSuffix(" crashed:")
            })
        else { return [] }
        var frames: [BacktraceFrame] = []
        for line in lines[(header + 1)...] {
            if line.hasPrefix("Thread ") || line.hasPrefix("Registers:") || line.hasPrefix("Images ")
                || line.hasPrefix("Backtrace took")
            {
                break
            }
            if let frame = BacktraceFrame(line: line) { frames.append(frame) }
        }
        return frames
    }

    /// The first frame in the learner's folder; without one, the first with a source file outside
    /// BackendKit (the learner's code when the folder is unknown).
    private func learnerFrame(in frames: [BacktraceFrame]) -> BacktraceFrame? {
        let located = frames.filter { $0.file != nil }
        if let root = learnerRoot, let inside = located.first(where: { $0.file!.hasPrefix(root + "/") }) {
            return inside
        }
        return located.first { !$0.file!.contains("/Sources/BackendKit/") }
    }

    private func location(of frame: BacktraceFrame) -> ServerCrash.Location {
        let path = frame.file ?? ""
        var shown = path
        if let root = learnerRoot, path.hasPrefix(root + "/") {
            shown = String(path.dropFirst(root.count + 1))
        }
        return ServerCrash.Location(
            file: shown, line: frame.line, column: frame.column, function: frame.function,
            source: frame.line.flatMap { readSourceLine(path, $0) })
    }
}
