import Foundation

/// The compile and link commands of the dev check's programs, read once per run from a small seed
/// program that SwiftPM builds beside the graders.
///
/// Every program (starter, solution, variant, mutant) is the same kind of executable: one module
/// that imports BackendKit. So SwiftPM's commands for the seed fit them all once its own sources,
/// objects and output are taken out. All programs are compiled under the seed's module name, which
/// is what lets a variant reuse the object files of its solution: a Swift object file names its
/// module in every symbol.
struct ProgramPlan: Sendable {
    /// `swift-frontend`, and its arguments without sources and per-file outputs.
    var frontend: String
    var frontendArguments: [String]
    /// The link command with the seed's objects and output taken out.
    var link: [String]
    /// Where the program's object files go in `link`.
    var objectsIndex: Int
    /// Where the program's binary goes in `link` (the value after `-o`).
    var outputIndex: Int
    /// What the commands depend on besides the program's files: the toolchain, the commands and
    /// the libraries they link (by size and date). A program built under another stamp is rebuilt.
    var stamp: String
    var workingDirectory: String

    /// The target SwiftPM builds to show how a program is built. Its name is also the module name
    /// of every program.
    static let seedProduct = "devcheck-program"
    /// The seed's one file: the imports programs may use, so the libraries they need are linked.
    static let seedSource = """
        import BackendKit
        import Dispatch
        import Foundation
        import Synchronization

        print(BackendKit.HTTPStatus(code: 200).code)

        """

    /// Reads the plan from SwiftPM's build manifest in `package`; nil when its commands do not
    /// have the expected shape (then the programs are built by SwiftPM, as targets).
    static func derive(package: URL) -> ProgramPlan? {
        let manifest = package.appendingPathComponent(".build/debug.yaml")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8),
            let plan = DirectBuildPlan.read(manifest: text, product: seedProduct, structure: ""),
            plan.commands.count == 2
        else { return nil }
        let root = package.path
        let run = DirectBuildPlan.runner(in: root, timeout: .seconds(60))
        guard
            let template = FrontendTemplate.derive(
                fromCompile: DirectBuildPlan.leanCompile(plan.commands[0]), run: run),
            let link = DirectBuildPlan.directLink(plan.commands[1], run: run)
        else { return nil }
        let seedObjects = Set(template.objects.values)
        let seedModuleFolder = "/" + seedProduct.replacingOccurrences(of: "-", with: "_") + ".build/"
        var kept: [String] = []
        var objectsIndex: Int?
        var outputIndex: Int?
        var index = 0
        while index < link.count {
            let argument = link[index]
            if argument == "-o", index + 1 < link.count {
                kept.append("-o")
                outputIndex = kept.count
                kept.append("")
                index += 2
                continue
            }
            if seedObjects.contains(argument) || argument.contains(seedModuleFolder) {
                if objectsIndex == nil { objectsIndex = kept.count }
            } else {
                kept.append(argument)
            }
            index += 1
        }
        guard let objectsIndex, let outputIndex, objectsIndex != outputIndex else { return nil }
        var stamp = Fingerprint()
        stamp.add(Self.builderVersion)
        stamp.add(([template.executable] + template.arguments + kept).joined(separator: "\n"))
        stamp.add(DirectBuildPlan.toolchainStamp(of: [[template.executable], link]))
        for argument in kept where argument.hasPrefix("/") {
            let attributes = try? FileManager.default.attributesOfItem(atPath: argument)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamp.add("\(argument) \(size) \(date)\n")
        }
        return ProgramPlan(
            frontend: template.executable, frontendArguments: template.arguments, link: kept,
            objectsIndex: objectsIndex, outputIndex: outputIndex, stamp: stamp.description,
            workingDirectory: root)
    }

    /// Changed when `ProgramBuilder` builds differently, so no record of an older build is trusted:
    /// `2` compiles only a program's Swift files (before, a `Containerfile` went to the compiler and
    /// its errors were recorded as the program's).
    static let builderVersion = "program-builder-2"

    /// The frontend command that compiles `primaries` (of the program's `sources`) to `objects`,
    /// writing each primary's declarations as named in the supplementary output map.
    func compile(sources: [String], primaries: [String], objects: [String], outputMap: String) -> [String] {
        var command = [frontend] + frontendArguments
        let primary = Set(primaries)
        for source in sources {
            if primary.contains(source) { command.append("-primary-file") }
            command.append(source)
        }
        command += ["-supplementary-output-file-map", outputMap]
        for object in objects { command += ["-o", object] }
        return command
    }

    /// The link command for a program's `objects` into `binary`.
    func link(objects: [String], binary: String) -> [String] {
        var command = link
        command[outputIndex] = binary
        command.insert(contentsOf: objects, at: objectsIndex)
        return command
    }
}
