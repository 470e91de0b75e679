import Foundation
import Grader
import Synchronization

/// Runs `swift build` for the runner: the learner's workspace and the generated grader packages.
///
/// Progress lines (`[12/40] Compiling …`) are passed to `onProgress` as they arrive, so a long first
/// build shows movement instead of a frozen terminal.
public struct SwiftToolchain: Sendable {
    /// The `swift` driver: `BACKENDLINGS_SWIFT` when set, otherwise `swift` from `PATH`.
    public var swift: String

    /// Added to every `swift build` this value runs. A package must always be built with the same
    /// ones: a flag that comes and goes makes SwiftPM compile everything again.
    public var buildArguments: [String] = []

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        swift = environment["BACKENDLINGS_SWIFT"].flatMap { $0.isEmpty ? nil : $0 } ?? "swift"
    }

    public struct BuildOutcome: Sendable {
        public var succeeded: Bool
        /// What the build printed, capped (head and tail) like every captured output.
        public var output: CapturedOutput
        public var status: ExitStatus
        /// Every `error:` and `warning:` line, collected as it arrived, so none is lost to the cap
        /// of `output` in a long build (each line once, at most 10,000).
        public var diagnosticLines: [String]
    }

    /// `swift build --package-path <package> --product <product>` in debug mode.
    /// With `cancellation`, a cancelled check stops the build and this throws `BuildError.cancelled`.
    /// `scratchPath` is the build folder when it is not the package's own `.build`.
    public func build(
        package: URL,
        product: String,
        scratchPath: URL? = nil,
        timeout: Duration,
        cancellation: Cancellation? = nil,
        onProgress: (@Sendable (String) -> Void)? = nil
    ) throws(BuildError) -> BuildOutcome {
        let scratch = scratchPath.map { ["--scratch-path", $0.path] } ?? []
        return try run(
            ["build", "--package-path", package.path] + scratch + ["--product", product] + buildArguments,
            label: product,
            timeout: timeout, cancellation: cancellation, onProgress: onProgress)
    }

    /// `swift build --package-path <package>`: every target of the package.
    public func buildEverything(
        package: URL,
        timeout: Duration,
        onProgress: (@Sendable (String) -> Void)? = nil
    ) throws(BuildError) -> BuildOutcome {
        try run(
            ["build", "--package-path", package.path] + buildArguments, label: package.lastPathComponent,
            timeout: timeout, onProgress: onProgress)
    }

    private func run(
        _ arguments: [String],
        label product: String,
        timeout: Duration,
        cancellation: Cancellation? = nil,
        onProgress: (@Sendable (String) -> Void)?
    ) throws(BuildError) -> BuildOutcome {
        if cancellation?.isCancelled == true { throw .cancelled }
        let diagnostics = LineCollector()
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: swift,
                arguments: arguments,
                environment: .inherit(removing: ["PORT", "DATABASE_PATH"]),
                standardError: .mergedIntoStandardOutput,
                onLine: { line in
                    if let onProgress, line.text.hasPrefix("[") { onProgress(line.text) }
                    if line.text.contains(": warning: ") || line.text.contains(": error: ") {
                        diagnostics.append(line.text)
                    }
                }
            )
        } catch {
            throw .couldNotRun(swift, reason: error.description)
        }
        let waited =
            cancellation.map { $0.track(child) { child.wait(timeout: timeout) } }
            ?? child.wait(timeout: timeout)
        if cancellation?.isCancelled == true { throw .cancelled }
        guard let status = waited else {
            child.terminate(grace: .seconds(2))
            throw .timedOut(product: product, timeout: timeout, output: child.output)
        }
        child.terminate(grace: .zero)
        return BuildOutcome(
            succeeded: status == .exited(0), output: child.output, status: status,
            diagnosticLines: diagnostics.lines)
    }
}

/// Why a build could not even produce a verdict.
public enum BuildError: Error, CustomStringConvertible, Sendable {
    case couldNotRun(String, reason: String)
    case timedOut(product: String, timeout: Duration, output: CapturedOutput)
    case packageGeneration(String)
    /// SwiftPM could not read the workspace's generated `Package.swift` (shown as `path`).
    case brokenWorkspaceManifest(path: String, output: String)
    /// A newer save replaced the check this build was for (see `Cancellation`).
    case cancelled

    public var description: String {
        switch self {
        case .couldNotRun(let swift, let reason):
            Words(
                "Could not run \(swift): \(reason). Is the Swift toolchain installed and on your PATH? (swift --version should work.)",
                id:
                    "Tidak bisa menjalankan \(swift): \(reason). Apakah toolchain Swift sudah terpasang dan ada di PATH-mu? (swift --version seharusnya jalan.)"
            ).text
        case .timedOut(let product, let timeout, let output):
            Words(
                "Building \(product) took longer than \(timeout) and was stopped.",
                id: "Build \(product) makan waktu lebih dari \(timeout), jadi dihentikan."
            ).text + "\n" + output.lastLines(15).joined(separator: "\n")
        case .packageGeneration(let message):
            message
        case .brokenWorkspaceManifest(let path, let output):
            Words(
                "SwiftPM cannot read \(path), which backendlings generates; this is not a problem in your code. Run `swift run backendlings` to generate it again (your version is saved first). SwiftPM says:",
                id:
                    "SwiftPM tidak bisa membaca \(path), file yang dibuat backendlings; ini bukan masalah di kodemu. Jalankan `swift run backendlings` untuk membuatnya lagi (versimu disimpan dulu). Kata SwiftPM:"
            ).text + "\n" + output
        case .cancelled:
            Words(
                "The build was stopped because a newer save replaced it.",
                id: "Build dihentikan karena ada simpanan yang lebih baru."
            ).text
        }
    }
}

/// Diagnostic lines gathered from the build's output thread, each once (the driver repeats a file's
/// diagnostics once per batch job) and at most `limit`, so a build that prints hundreds of warnings
/// still keeps every error and every warning.
private final class LineCollector: Sendable {
    static let limit = 10_000
    private let state = Mutex<(lines: [String], seen: Set<String>)>(([], []))

    func append(_ line: String) {
        state.withLock { state in
            guard state.lines.count < Self.limit, state.seen.insert(line).inserted else { return }
            state.lines.append(line)
        }
    }

    var lines: [String] { state.withLock { $0.lines } }
}
