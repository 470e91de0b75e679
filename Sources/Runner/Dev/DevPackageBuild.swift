import Foundation

/// Builds every program and grader of the dev check's package with as few `swift build` runs as
/// possible, and says which ones do not compile.
///
/// SwiftPM stops a build at the first target that fails. So when the build fails, the targets the
/// compiler's errors point at are taken out of the package and the rest is built again, until it
/// succeeds: a broken variant or mutant costs one more (incremental) build, not a build of each
/// product alone. Such failures are remembered with a fingerprint of the program and of
/// BackendKit (`BuildFailureMemory`), so the next run leaves the same broken program out at once.
struct DevPackageBuild {
    let package: DevCheckPackage
    var toolchain = SwiftToolchain()
    /// The dev check's package is only ever built here, so it can always link with lld.
    private var builder: SwiftToolchain { toolchain.withFastLinker() }
    /// The most builds one run makes before it falls back to building each product alone.
    var maximumRounds = 30

    struct Outcome {
        var built: Set<String> = []
        /// A product that does not compile, and the compiler's errors about it.
        var failures: [String: String] = [:]
        /// Every `warning:` and `error:` line of every build.
        var diagnosticLines: [String] = []
    }

    /// Builds `programs` and the graders of `modules`. The failures of products for which
    /// `explainAlone` is true (starters, solutions, graders) are explained by building them alone,
    /// which shows each error with its source lines; the others (variants, mutants) keep their
    /// error lines from the shared build, and are remembered.
    func run(
        programs: [DevCheckPackage.Program], graders modules: [Module], explainAlone: (String) -> Bool,
        onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        if let outcome = try runDirectly(
            programs: programs, graders: modules, explainAlone: explainAlone, onProgress: onProgress)
        {
            return outcome
        }
        return try runAsTargets(
            programs: programs, graders: modules, explainAlone: explainAlone, onProgress: onProgress)
    }

    /// SwiftPM builds the graders and the seed program; `ProgramBuilder` builds the programs from
    /// the seed's commands. Nil when the seed does not build or its commands cannot be read: then
    /// every program is a SwiftPM target.
    private func runDirectly(
        programs: [DevCheckPackage.Program], graders modules: [Module], explainAlone: (String) -> Bool,
        onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome? {
        let seed = DevCheckPackage.Program(
            product: ProgramPlan.seedProduct, files: ["main.swift": Data(ProgramPlan.seedSource.utf8)])
        try FileSystem.mirror(
            files: seed.files, to: package.programsFolder.appendingPathComponent(seed.product))
        var outcome = try runAsTargets(
            programs: [seed], graders: modules, explainAlone: { $0 != seed.product && explainAlone($0) },
            onProgress: onProgress)
        guard outcome.built.contains(seed.product), let plan = ProgramPlan.derive(package: package.folder)
        else { return nil }
        outcome.built.remove(seed.product)
        let package = package
        let builder = ProgramBuilder(
            plan: plan, sourcesFolder: package.programsFolder, programsFolder: package.objectsFolder,
            binary: { package.binary($0) })
        let jobs = programs.map {
            ProgramBuilder.Job(
                product: $0.product, files: $0.files, base: $0.base, explained: explainAlone($0.product))
        }
        for (product, result) in builder.buildAll(jobs, onProgress: onProgress) {
            switch result {
            case .built: outcome.built.insert(product)
            case .failed(let errors): outcome.failures[product] = errors
            }
        }
        return outcome
    }

    /// Builds the programs as targets of the package, with the graders.
    private func runAsTargets(
        programs: [DevCheckPackage.Program], graders modules: [Module], explainAlone: (String) -> Bool,
        onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        var memory = BuildFailureMemory(package: package)
        var outcome = Outcome()
        var remaining: [String] = []
        for program in programs {
            if !explainAlone(program.product), let errors = memory.knownFailure(program) {
                outcome.failures[program.product] = errors
            } else {
                remaining.append(program.product)
            }
        }
        var graders = modules
        defer {
            try? package.writeManifest(programs: remaining, graders: graders)
            memory.update(programs.filter { !explainAlone($0.product) }, failures: outcome.failures)
        }
        for _ in 0..<maximumRounds {
            try package.writeManifest(programs: remaining, graders: graders)
            let build = try builder.buildEverything(package: package.folder, timeout: .seconds(3600)) {
                onProgress($0)
            }
            outcome.diagnosticLines += build.diagnosticLines
            if build.succeeded {
                outcome.built = Set(remaining + graders.map(DevCheckPackage.graderProduct))
                let failed = outcome.failures.keys.filter(explainAlone)
                return try explained(
                    outcome, failed: failed, alongside: remaining, graders: graders, onProgress)
            }
            let culprits = errors(in: build.diagnosticLines, modules: graders)
            guard !culprits.isEmpty else { break }
            for (product, lines) in culprits {
                outcome.failures[product] = lines.joined(separator: "\n")
                remaining.removeAll { $0 == product }
                graders.removeAll { DevCheckPackage.graderProduct($0) == product }
            }
        }
        // The errors name no target (a link error, a broken manifest): build each product alone.
        try package.writeManifest(programs: remaining, graders: graders)
        for product in remaining + graders.map(DevCheckPackage.graderProduct) {
            let alone = try builder.build(
                package: package.folder, product: product, timeout: .seconds(1800)
            ) {
                onProgress($0)
            }
            if alone.succeeded {
                outcome.built.insert(product)
            } else {
                outcome.failures[product] = summary(of: alone)
            }
        }
        remaining.removeAll { outcome.failures[$0] != nil }
        graders.removeAll { outcome.failures[DevCheckPackage.graderProduct($0)] != nil }
        return outcome
    }

    /// The error lines of a failed build, by the product they are about (the path prefix removed,
    /// each line once).
    private func errors(in lines: [String], modules: [Module]) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for line in lines where line.contains(": error: ") {
            guard let product = package.product(ofDiagnostic: line, graders: modules) else { continue }
            let shown = shorten(line, product: product)
            if !(found[product] ?? []).contains(shown) { found[product, default: []].append(shown) }
        }
        return found.mapValues { Array($0.prefix(10)) }
    }

    private func shorten(_ line: String, product: String) -> String {
        for prefix in [FileSystem.canonicalPath(package.folder), package.folder.path] {
            let programFolder = prefix + "/Exercises/\(product)/"
            if line.hasPrefix(programFolder) { return String(line.dropFirst(programFolder.count)) }
        }
        return line
    }

    /// Builds each failed starter, solution or grader alone, in a package that has it again, for
    /// the compiler's whole message.
    private func explained(
        _ outcome: Outcome, failed: [String], alongside built: [String], graders: [Module],
        _ onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        guard !failed.isEmpty else { return outcome }
        var outcome = outcome
        let failedGraders = package.pack.modules.filter { failed.contains(DevCheckPackage.graderProduct($0)) }
        try package.writeManifest(
            programs: built + failed.filter { !$0.hasPrefix("grader-") }, graders: graders + failedGraders)
        for product in failed.sorted() {
            let build = try builder.build(
                package: package.folder, product: product, timeout: .seconds(1800)
            ) {
                onProgress($0)
            }
            if !build.succeeded { outcome.failures[product] = summary(of: build) }
        }
        return outcome
    }

    private func summary(of build: SwiftToolchain.BuildOutcome) -> String {
        let shortened = [(package.folder.path + "/", "")]
        let summary = CompilerDiagnostics.summarize(build.output.text, replacing: shortened, maxLines: 25)
        // Hundreds of warnings can push the errors out of the capped output; the diagnostic lines,
        // collected as they arrived, still have them.
        let errors = build.diagnosticLines.filter { $0.contains(": error: ") }
        guard !summary.contains(": error:"), !errors.isEmpty else { return summary }
        return CompilerDiagnostics.summarize(
            errors.joined(separator: "\n"), replacing: shortened, maxLines: 25)
    }
}
