import Foundation

/// The compiler's own command for one source file of an exercise, so a save that changed one file
/// recompiles that file without the driver.
///
/// The driver (`swiftc`) costs about 130 ms per save on a 2-core machine before and after the one
/// compile it starts: loading itself, reading its dependency records, planning, writing them back.
/// The frontend command it would run is the same every time but for which file is primary, so it
/// is read once (from the driver's `-###`), with every per-file output taken out, and filled in per
/// save. The compile also writes the file's partial module: its declarations without their bodies,
/// which tells whether other files, compiled against the old declarations, are still valid.
struct FrontendTemplate: Codable, Equatable, Sendable {
    /// `swift-frontend`.
    var executable: String
    /// Every argument but the source files, `-primary-file` and the per-file outputs.
    var arguments: [String]
    /// The module's source files, in the order the driver passes them.
    var sources: [String]
    /// Each source file's object file, from the driver's output file map.
    var objects: [String: String]

    /// Options that name one file's outputs; each takes a value.
    static let perFileOptions: Set<String> = [
        "-o", "-primary-file", "-supplementary-output-file-map", "-serialize-diagnostics-path",
        "-emit-reference-dependencies-path", "-emit-dependencies-path", "-emit-module-path",
        "-emit-module-doc-path", "-emit-module-source-info-path", "-index-unit-output-path",
    ]

    /// The command that compiles `source` into its object file and writes its declarations to
    /// `partialModule`; nil for a file the module does not have.
    func command(compiling source: String, partialModule: String) -> [String]? {
        guard let object = objects[source] else { return nil }
        var command = [executable] + arguments
        for file in sources {
            if file == source { command.append("-primary-file") }
            command.append(file)
        }
        return command + ["-o", object, "-emit-module-path", partialModule]
    }

    /// Reads the template from a driver compile command: `run` runs a command and returns what it
    /// printed, or nil when it failed. Nil when the driver's jobs do not have the expected shape.
    static func derive(fromCompile compile: [String], run: ([String]) -> String?) -> FrontendTemplate? {
        // Without incremental and batch mode the driver prints one job per file, each complete.
        let planning = compile.filter { $0 != "-incremental" && $0 != "-enable-batch-mode" } + ["-###"]
        guard let mapPath = value(of: "-output-file-map", in: compile),
            let objects = objectFiles(inOutputFileMap: mapPath), !objects.isEmpty,
            let jobs = run(planning)
        else { return nil }
        let sources = Set(objects.keys)
        guard
            let job = jobs.split(separator: "\n").map({ DirectBuildPlan.shellWords(String($0)) }).first(
                where: {
                    $0.first?.hasSuffix("swift-frontend") == true && $0.dropFirst().first == "-frontend"
                })
        else { return nil }
        var arguments: [String] = []
        var files: [String] = []
        var index = 1
        while index < job.count {
            let argument = job[index]
            if perFileOptions.contains(argument) {
                if argument == "-primary-file", index + 1 < job.count { files.append(job[index + 1]) }
                index += 2
                continue
            }
            if sources.contains(argument) {
                files.append(argument)
            } else {
                arguments.append(argument)
            }
            index += 1
        }
        guard Set(files) == sources, files.count == sources.count else { return nil }
        return FrontendTemplate(executable: job[0], arguments: arguments, sources: files, objects: objects)
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// Source file → object file, from SwiftPM's `output-file-map.json`.
    static func objectFiles(inOutputFileMap path: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: path),
            let map = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        var objects: [String: String] = [:]
        for (source, outputs) in map where source.hasSuffix(".swift") {
            if let object = (outputs as? [String: Any])?["object"] as? String { objects[source] = object }
        }
        return objects
    }
}
