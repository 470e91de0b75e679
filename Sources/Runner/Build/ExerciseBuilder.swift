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
        workspace.buildFolder.appendingPathComponent("debug/\(exercise.id)")
    }

    /// Builds `exercise`. With `cancellation`, a cancelled check stops the compiler or linker and
    /// this throws `BuildError.cancelled`; the next build starts from a clean record.
    public func build(
        _ exercise: Exercise, cancellation: Cancellation? = nil,
        onProgress: (@Sendable (String) -> Void)? = nil
    )
        throws(BuildError) -> Outcome
    {
        let binary = binary(of: exercise)
        // BackendKit's sources matter to both fingerprints; read them once per build.
        let (library, fingerprint) = StageTiming.measure("fingerprint") {
            var library = Fingerprint()
            library.addTreeMetadata(workspace.home.appendingPathComponent("Sources/BackendKit"))
            return (library, self.fingerprint(of: exercise, library: library))
        }
        let record = fingerprintFile(of: exercise)
        if FileManager.default.isExecutableFile(atPath: binary.path),
            let stored = try? String(contentsOf: record, encoding: .utf8), stored == fingerprint.description
        {
            return .built(binary: binary)
        }
        // A build stopped half-way may leave a half-written binary: no record may vouch for it.
        try? FileManager.default.removeItem(at: record)
        let structure = structureFingerprint(of: exercise, library: library)
        let changes = sourceChanges(of: exercise)
        if let plan = directPlan(of: exercise), plan.structure == structure.description,
            plan.toolchain == DirectBuildPlan.toolchainStamp(of: plan.commands),
            FileManager.default.isExecutableFile(atPath: binary.path)
        {
            var compiledAlone: String?
            if let template = plan.frontend, let file = changes.onlyChangedFile {
                switch try compileOneFile(file, with: template, of: exercise, cancellation: cancellation) {
                case .compiled:
                    if case .succeeded = try runDirect(
                        Array(plan.commands.dropFirst()), cancellation: cancellation)
                    {
                        recordCompiledAlone(file, changes, of: exercise)
                        recordSuccess(fingerprint, at: record)
                        return .built(binary: binary)
                    }
                case .compileFailed(let output):
                    return .failed(diagnostics: summarize(output))
                case .declarationsChanged:
                    compiledAlone = file
                case .unusable:
                    break
                }
            }
            let removed = forgetChangedObjects(changes)
            let outcome = try runDirect(plan.commands, cancellation: cancellation)
            if case .succeeded = outcome {
                recordDriverRun(
                    changes, removed: removed, succeeded: true, of: exercise, compiledAlone: compiledAlone)
                recordSuccess(fingerprint, at: record)
                return .built(binary: binary)
            }
            recordDriverRun(changes, removed: removed, succeeded: false, of: exercise)
            if case .compileFailed(let output) = outcome { return .failed(diagnostics: summarize(output)) }
            // Otherwise the plan is stale: SwiftPM takes over and rewrites its manifest.
        }
        let removed = forgetChangedObjects(changes)
        let outcome = try StageTiming.measure("swift build") { () throws(BuildError) in
            try toolchain.build(
                package: workspace.root, product: exercise.id, scratchPath: workspace.buildFolder,
                timeout: timeout, cancellation: cancellation, onProgress: onProgress)
        }
        recordDriverRun(changes, removed: removed, succeeded: outcome.succeeded, of: exercise)
        guard outcome.succeeded else {
            try? FileManager.default.removeItem(at: record)
            let text = outcome.output.text
            // SwiftPM could not even read the generated manifest: not the learner's code to fix.
            if text.contains(workspace.packageManifest.path + ":") || text.contains("Invalid manifest") {
                throw .brokenWorkspaceManifest(
                    path: workspace.displayPath(workspace.packageManifest), output: summarize(text))
            }
            return .failed(diagnostics: summarize(text))
        }
        recordSuccess(fingerprint, at: record)
        savePlan(for: exercise, structure: structureFingerprint(of: exercise, library: library))
        return .built(binary: binary)
    }

    private func summarize(_ output: String) -> String {
        let prefixes = [
            (workspace.root.path + "/", workspace.displayPath(workspace.root) + "/"),
            (workspace.home.path + "/", ""),
        ]
        return CompilerDiagnostics.summarize(output, replacing: prefixes)
    }

    private func recordSuccess(_ fingerprint: Fingerprint, at record: URL) {
        try? FileManager.default.createDirectory(
            at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? fingerprint.description.write(to: record, atomically: true, encoding: .utf8)
    }

    // MARK: Building without SwiftPM's planning

    private enum DirectOutcome {
        case succeeded
        case compileFailed(String)
        case unusable
    }

    private func planFile(of exercise: Exercise) -> URL {
        workspace.stateFolder.appendingPathComponent("builds/\(exercise.id).plan.json")
    }

    private func directPlan(of exercise: Exercise) -> DirectBuildPlan? {
        guard let data = try? Data(contentsOf: planFile(of: exercise)) else { return nil }
        return try? JSONDecoder().decode(DirectBuildPlan.self, from: data)
    }

    private func savePlan(for exercise: Exercise, structure: Fingerprint) {
        let manifest = workspace.buildFolder.appendingPathComponent("debug.yaml")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8),
            var plan = DirectBuildPlan.read(
                manifest: text, product: exercise.id, structure: structure.description),
            plan.commands.count == 2
        else {
            try? FileManager.default.removeItem(at: planFile(of: exercise))
            return
        }
        let root = workspace.root.path
        let run = DirectBuildPlan.runner(in: root, timeout: .seconds(30))
        let link = DirectBuildPlan.directLink(plan.commands[1], run: run)
        plan.commands = [DirectBuildPlan.leanCompile(plan.commands[0]), link ?? plan.commands[1]]
        plan.frontend = FrontendTemplate.derive(fromCompile: plan.commands[0], run: run)
        plan.toolchain = DirectBuildPlan.toolchainStamp(of: plan.commands)
        guard let data = try? JSONEncoder().encode(plan) else {
            try? FileManager.default.removeItem(at: planFile(of: exercise))
            return
        }
        try? data.write(to: planFile(of: exercise), options: .atomic)
    }

    /// Runs the recorded commands in order. A failing compile is the learner's to fix; any other
    /// failure means the plan went stale, and SwiftPM takes over.
    private func runDirect(_ commands: [[String]], cancellation: Cancellation?) throws(BuildError)
        -> DirectOutcome
    {
        let compiles = commands.count > 1
        for (index, command) in commands.enumerated() {
            let ran: (status: ExitStatus, output: CapturedOutput)
            let isCompile = compiles && index == 0
            do {
                guard let executable = command.first else { return .unusable }
                let label =
                    isCompile ? "compile" : "link: " + URL(fileURLWithPath: executable).lastPathComponent
                ran = try StageTiming.measure(label) {
                    try Cancellation.run(
                        executable: executable, arguments: Array(command.dropFirst()),
                        workingDirectory: workspace.root.path, timeout: timeout, cancellation: cancellation)
                }
            } catch is CheckCancelled {
                throw .cancelled
            } catch {
                return .unusable
            }
            let (status, output) = ran
            if !status.isSuccess {
                let text = output.text
                if isCompile && (text.contains(": error:") || text.contains("error: "))
                    && !text.contains("no such file")
                {
                    return .compileFailed(text)
                }
                return .unusable
            }
        }
        return .succeeded
    }

    /// What the direct commands depend on besides file contents: the manifests and the file list.
    private func structureFingerprint(of exercise: Exercise, library: Fingerprint) -> Fingerprint {
        var fingerprint = Fingerprint()
        if let manifest = try? Data(contentsOf: workspace.packageManifest) { fingerprint.add(manifest) }
        if let manifest = try? Data(contentsOf: workspace.home.appendingPathComponent("Package.swift")) {
            fingerprint.add(manifest)
        }
        for file in Fingerprint.files(below: workspace.folder(of: exercise)) { fingerprint.add(file.path) }
        fingerprint.add(library.description)
        // Not SwiftPM's debug.yaml: it is rewritten by every `swift build` of any exercise, which made
        // every other exercise's plan look stale and go through SwiftPM again (2–3 s a build). An
        // exercise's own commands change only with the manifests, its files, BackendKit or the
        // toolchain (checked apart, in `DirectBuildPlan.toolchain`).
        return fingerprint
    }

    private func fingerprintFile(of exercise: Exercise) -> URL {
        workspace.stateFolder.appendingPathComponent("builds/\(exercise.id).fingerprint")
    }

    private func fingerprint(of exercise: Exercise, library: Fingerprint) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.addTree(workspace.folder(of: exercise))
        if let manifest = try? Data(contentsOf: workspace.packageManifest) { fingerprint.add(manifest) }
        fingerprint.add(library.description)
        return fingerprint
    }
}
