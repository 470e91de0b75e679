import Foundation

/// Builds every program and grader of the dev check's package with as few `swift build` runs as
/// possible, and says which ones do not compile.
///
/// SwiftPM stops a build at the first target that fails. So when the build fails, the targets the
/// compiler's errors point at are taken out of the package and the rest is built again, until it
/// succeeds: a broken variant or mutant costs one more (incremental) build, not a build of each
/// product alone. The package's manifest lists every program again at the end, so the next run
/// starts from the whole package.
struct DevPackageBuild {
    let package: DevCheckPackage
    var toolchain = SwiftToolchain()
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
    /// `explainAlone` is true are explained by building them alone, which shows each error with
    /// its source lines; the others keep their error lines from the shared build.
    func run(
        programs: [String], graders modules: [Module], explainAlone: (String) -> Bool,
        onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        var outcome = Outcome()
        var remaining = programs
        var graders = modules
        defer { try? package.writeManifest(programs: programs, graders: modules) }
        for _ in 0..<maximumRounds {
            try package.writeManifest(programs: remaining, graders: graders)
            let build = try toolchain.buildEverything(package: package.folder, timeout: .seconds(3600)) {
                onProgress($0)
            }
            outcome.diagnosticLines += build.diagnosticLines
            if build.succeeded {
                outcome.built = Set(remaining + graders.map(DevCheckPackage.graderProduct))
                return try explained(outcome, programs: programs, modules: modules, explainAlone, onProgress)
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
        try package.writeManifest(programs: programs, graders: modules)
        for product in remaining + graders.map(DevCheckPackage.graderProduct) {
            let alone = try toolchain.build(
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

    private func explained(
        _ outcome: Outcome, programs: [String], modules: [Module], _ explainAlone: (String) -> Bool,
        _ onProgress: @escaping @Sendable (String) -> Void
    ) throws -> Outcome {
        var outcome = outcome
        let alone = outcome.failures.keys.filter(explainAlone).sorted()
        guard !alone.isEmpty else { return outcome }
        try package.writeManifest(programs: programs, graders: modules)
        for product in alone {
            let build = try toolchain.build(
                package: package.folder, product: product, timeout: .seconds(1800)
            ) {
                onProgress($0)
            }
            if !build.succeeded { outcome.failures[product] = summary(of: build) }
        }
        return outcome
    }

    private func summary(of build: SwiftToolchain.BuildOutcome) -> String {
        CompilerDiagnostics.summarize(
            build.output.text, replacing: [(package.folder.path + "/", "")], maxLines: 25)
    }
}
