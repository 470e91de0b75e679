import Foundation
import Grader

/// Compiles each module's hidden tests into a grader executable, in a generated package under the
/// checkout's `.build/backendlings/graders/`, and reuses it while the tests and GraderKit are unchanged.
///
/// The generated package's target folders are symbolic links to the pack's `Tests/` folders: the
/// hidden tests are compiled where they live and are never copied into the learner's workspace.
///
/// For the built-in pack the package builds in the checkout's own build folder (`--scratch-path
/// <home>/.build`), so Grader and CSystemShims, already compiled for the `backendlings` command,
/// are not compiled a second time (about 10 s of a fresh clone's first check). Other packs keep a
/// build folder of their own: their module ids may clash with the built-in pack's.
public struct GraderBuilder: Sendable {
    public let pack: Pack
    public let home: URL
    public let toolchain: SwiftToolchain
    public var timeout: Duration = .seconds(1200)

    public init(pack: Pack, home: URL, toolchain: SwiftToolchain = SwiftToolchain()) {
        self.pack = pack
        self.home = home
        self.toolchain = toolchain
    }

    /// `<home>/.build/backendlings/graders/<pack key>/`: one package per pack location.
    public var packageFolder: URL {
        var key = Fingerprint()
        key.add(FileSystem.canonicalPath(pack.root))
        let name = pack.root.lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return home.appendingPathComponent(".build/backendlings/graders/\(name)-\(key)", isDirectory: true)
    }

    /// Where the package builds: the checkout's `.build` for the built-in pack, its own otherwise.
    public var scratchFolder: URL {
        pack.isBuiltIn(home: home)
            ? home.appendingPathComponent(".build") : packageFolder.appendingPathComponent(".build")
    }

    public func binary(of module: Module) -> URL {
        scratchFolder.appendingPathComponent("debug/grader-\(module.id)")
    }

    /// True when the module's grader is built and its sources have not changed since: a check
    /// will not have to build it.
    public func isUpToDate(_ module: Module) -> Bool {
        let record = packageFolder.appendingPathComponent(".fingerprints/\(module.id)")
        return FileManager.default.isExecutableFile(atPath: binary(of: module).path)
            && (try? String(contentsOf: record, encoding: .utf8)) == fingerprint(of: module).description
    }

    /// The module's grader, built if its tests or GraderKit changed since the last build.
    public func ensureBuilt(_ module: Module, onProgress: (@Sendable (String) -> Void)? = nil)
        throws(BuildError) -> URL
    {
        let folder = packageFolder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try FileSystem.withExclusiveLock(folder.appendingPathComponent(".lock")) {
                try buildLocked(module, in: folder, onProgress: onProgress)
            }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .packageGeneration("Could not prepare the grader package at \(folder.path): \(error)")
        }
    }

    private func buildLocked(_ module: Module, in folder: URL, onProgress: (@Sendable (String) -> Void)?)
        throws -> URL
    {
        let binary = binary(of: module)
        let fingerprint = fingerprint(of: module)
        let record = folder.appendingPathComponent(".fingerprints/\(module.id)")
        if FileManager.default.isExecutableFile(atPath: binary.path),
            let stored = try? String(contentsOf: record, encoding: .utf8), stored == fingerprint.description
        {
            return binary
        }
        try generatePackage(in: folder)
        let outcome = try toolchain.build(
            package: folder, product: "grader-\(module.id)", scratchPath: scratchFolder, timeout: timeout,
            onProgress: onProgress)
        guard outcome.succeeded else {
            let testsPath = FileSystem.canonicalPath(pack.testsFolder(of: module)) + "/"
            let summary = CompilerDiagnostics.summarize(
                outcome.output.text,
                replacing: [
                    (testsPath, "Lessons/\(module.path)/Tests/"),
                    (folder.path + "/Modules/\(module.id)/", "Lessons/\(module.path)/Tests/"),
                ]
            )
            throw BuildError.packageGeneration(
                "The hidden tests of module \"\(module.id)\" do not compile. This is a problem in the lesson pack, not in your code:\n\(summary)"
            )
        }
        try FileManager.default.createDirectory(
            at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fingerprint.description.write(to: record, atomically: true, encoding: .utf8)
        return binary
    }

    /// The tests and the libraries they are built with, by path, size and modification time: it is
    /// computed on every check, and reading ~150 files each time would cost tens of milliseconds.
    private func fingerprint(of module: Module) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.addTreeMetadata(pack.testsFolder(of: module))
        for library in ["GraderKit", "Grader", "BackendKit", "CSystemShims"] {
            fingerprint.addTreeMetadata(home.appendingPathComponent("Sources/\(library)"))
        }
        return fingerprint
    }

    /// Writes Package.swift (only when its text changes), points `Modules/<id>` at each module's
    /// tests and writes the reference solutions the pack's exercises compare with.
    func generatePackage(in folder: URL) throws {
        let modulesFolder = folder.appendingPathComponent("Modules", isDirectory: true)
        try FileManager.default.createDirectory(at: modulesFolder, withIntermediateDirectories: true)
        for module in pack.modules {
            let link = modulesFolder.appendingPathComponent(module.id)
            let target = FileSystem.canonicalPath(pack.testsFolder(of: module))
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != target {
                try? FileManager.default.removeItem(at: link)
                try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            }
        }
        let companions = try writeCompanionSources(in: folder)
        let manifest = folder.appendingPathComponent("Package.swift")
        let text = manifestText(companions: companions)
        if (try? String(contentsOf: manifest, encoding: .utf8)) != text {
            try FileSystem.writeAtomically(text, to: manifest)
        }
    }

    func manifestText(companions: [(Companion, Exercise)] = []) -> String {
        let identity = home.lastPathComponent.lowercased()
        let referenceTargets = companions.map { companion, exercise in
            """
                    .executableTarget(
                        name: "\(Self.companionProduct(companion, exercise))",
                        dependencies: [.product(name: "BackendKit", package: "\(identity)")],
                        path: "\(companion.folder)/\(exercise.id)",
                        swiftSettings: [.swiftLanguageMode(.v6)]
                    ),
            """
        }
        let targets =
            pack.modules.map { module in
                """
                        .executableTarget(
                            name: "grader-\(module.id)",
                            dependencies: [.product(name: "GraderKit", package: "\(identity)")],
                            path: "Modules/\(module.id)",
                            swiftSettings: [.swiftLanguageMode(.v6)]
                        ),
                """
            }.joined(separator: "\n") + referenceTargets.map { "\n" + $0 }.joined()
        return """
            // swift-tools-version:6.0
            // Generated by backendlings: the graders of the pack at \(pack.root.path).
            // Each target folder links to a module's hidden tests. Do not edit; it is rewritten as needed.
            import PackageDescription

            let package = Package(
                name: "graders",
                platforms: [.macOS(.v15)],
                dependencies: [.package(path: "\(FileSystem.canonicalPath(home))")],
                targets: [
            \(targets)
                ]
            )

            """
    }
}
