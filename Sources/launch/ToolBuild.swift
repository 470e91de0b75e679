import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `swift build --product backendlings-cli` in the launcher's own build folder and configuration,
/// with its progress on one line, and a time limit: a build that hangs is stopped, not waited for.
struct ToolBuild {
    var paths: LaunchPaths
    var environment: [String: String]
    /// A clean build takes about 30 s on a 2-core machine; far beyond that something is wrong.
    static let timeLimit: TimeInterval = 20 * 60
    /// What `/usr/bin/env` exits with when it cannot find the program.
    static let envCommandNotFound: Int32 = 127
    /// At most this many compiler lines are kept to explain a failure.
    static let keptLines = 4000

    enum Outcome {
        case built
        /// The compiler's `error:` lines, or the end of the output when there are none.
        case failed(diagnostics: String)
        /// `swift` itself could not start; the message says what to do.
        case couldNotRun(String)
        /// Stopped at `timeLimit`.
        case timedOut
    }

    var command: [String] {
        [
            "build", "--package-path", paths.home.path, "--scratch-path", paths.scratch.path,
            "--configuration", paths.configuration, "--product", LaunchPaths.toolProduct,
        ]
    }

    func run(screen: FirstRunScreen?, language: LaunchText.Language) -> Outcome {
        let progress = BuildProgressLine(
            screen: screen, language: language, interactive: isatty(STDERR_FILENO) == 1)
        progress.begin()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [swift] + command
        process.currentDirectoryURL = paths.home
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            progress.end()
            return .couldNotRun(LaunchText.noSwift(swift, language: language))
        }
        let timedOut = TimedOut()
        let deadline = DispatchWorkItem {
            timedOut.set()
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimit, execute: deadline)
        var lines: [String] = []
        var pending = Data()
        while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                progress.show(line)
                lines.append(line)
                if lines.count > Self.keptLines { lines.removeFirst(lines.count - Self.keptLines) }
            }
        }
        process.waitUntilExit()
        deadline.cancel()
        progress.end()
        if process.terminationReason == .exit && process.terminationStatus == 0 { return .built }
        if timedOut.isSet {
            return .timedOut
        }
        if process.terminationReason == .exit && process.terminationStatus == Self.envCommandNotFound {
            return .couldNotRun(LaunchText.noSwift(swift, language: language))
        }
        let errors = lines.filter { $0.contains("error:") }
        let shown = errors.isEmpty ? Array(lines.suffix(30)) : Array(errors.prefix(30))
        return .failed(diagnostics: shown.joined(separator: "\n"))
    }

    /// `BACKENDLINGS_SWIFT` when set (as for every build the tool runs), else `swift` from `PATH`.
    var swift: String {
        environment["BACKENDLINGS_SWIFT"].flatMap { $0.isEmpty ? nil : $0 } ?? "swift"
    }
}

/// Set by the deadline's thread, read by the launcher's once the build has ended.
private final class TimedOut: @unchecked Sendable {
    // @unchecked: the one flag is only touched under `lock`.
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
