import Foundation
import Grader

/// Builds a learner's exercise in their workspace package.
///
/// Skips SwiftPM entirely when nothing changed since the last successful build (a fingerprint of
/// the exercise folder, the workspace manifest and BackendKit's sources), which keeps a rerun under
/// a second.
public struct ExerciseBuilder: Sendable {
    public enum Outcome: Sendable {
        case built(binary: URL)
        /// The code did not compile; `diagnostics` is ready to show.
        case failed(diagnostics: String)
    }

    public let workspace: Workspace
    public let toolchain: SwiftToolchain
    public var timeout: Duration = .seconds(900)

    public init(workspace: Workspace, toolchain: SwiftToolchain = SwiftToolchain()) {
        self.workspace = workspace
        self.toolchain = toolchain
    }

    public func binary(of exercise: Exercise) -> URL {
        workspace.root.appendingPathComponent(".build/debug/\(exercise.id)")
    }

    public func build(_ exercise: Exercise, onProgress: (@Sendable (String) -> Void)? = nil) throws(BuildError) -> Outcome {
        let binary = binary(of: exercise)
        let fingerprint = fingerprint(of: exercise)
        let record = fingerprintFile(of: exercise)
        if FileManager.default.isExecutableFile(atPath: binary.path),
            let stored = try? String(contentsOf: record, encoding: .utf8), stored == fingerprint.description
        {
            return .built(binary: binary)
        }
        let outcome = try toolchain.build(package: workspace.root, product: exercise.id, timeout: timeout, onProgress: onProgress)
        guard outcome.succeeded else {
            try? FileManager.default.removeItem(at: record)
            let prefixes = [
                (workspace.root.path + "/", workspace.displayPath(workspace.root) + "/"),
                (workspace.home.path + "/", ""),
            ]
            return .failed(diagnostics: CompilerDiagnostics.summarize(outcome.output.text, replacing: prefixes))
        }
        try? FileManager.default.createDirectory(at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? fingerprint.description.write(to: record, atomically: true, encoding: .utf8)
        return .built(binary: binary)
    }

    private func fingerprintFile(of exercise: Exercise) -> URL {
        workspace.stateFolder.appendingPathComponent("builds/\(exercise.id).fingerprint")
    }

    private func fingerprint(of exercise: Exercise) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.addTree(workspace.folder(of: exercise))
        if let manifest = try? Data(contentsOf: workspace.packageManifest) { fingerprint.add(manifest) }
        fingerprint.addTree(workspace.home.appendingPathComponent("Sources/BackendKit"))
        return fingerprint
    }
}
