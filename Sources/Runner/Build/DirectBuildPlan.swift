import Foundation
import Grader

/// The exact compiler and linker commands SwiftPM uses for one executable, read from the build
/// manifest it writes (`.build/debug.yaml`), so a rebuild after a save can run them directly.
///
/// Running them skips SwiftPM's package loading and planning, which costs about half a second on
/// every build, more than the compile itself. The plan is only used while the package's structure
/// (its manifest and the exercise's list of files) is unchanged; otherwise the runner goes back to
/// `swift build`, which writes a fresh manifest.
struct DirectBuildPlan: Codable, Equatable {
    /// Fingerprint of what the commands depend on besides file contents.
    var structure: String
    /// Compile the module, link the executable.
    var commands: [[String]]
    /// The compile of one file without the driver, for a save that changed one file; nil when the
    /// driver's jobs could not be read (then every save uses `commands`).
    var frontend: FrontendTemplate? = nil
    /// The compiler and linker the commands run, by size and time: an updated toolchain makes the
    /// plan stale (its modules would not load), and SwiftPM plans again.
    var toolchain: String? = nil

    /// The stamp of the programs `commands` run (symbolic links followed).
    static func toolchainStamp(of commands: [[String]]) -> String {
        commands.compactMap(\.first).map { path in
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(resolved) \(size) \(time)"
        }.joined(separator: "\n")
    }

    /// Reads the commands for `product` from a SwiftPM build manifest.
    static func read(manifest text: String, product: String, structure: String)
        -> DirectBuildPlan?
    {
        var compile: [String]?
        var link: [String]?
        for block in text.components(separatedBy: "\n  \"").dropFirst() {
            let header = block.prefix { $0 != "\n" }
            guard
                let argsLine = block.split(separator: "\n").first(where: {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("args:")
                }),
                let data = argsLine.trimmingCharacters(in: .whitespaces).dropFirst("args:".count).data(
                    using: .utf8),
                let args = try? JSONDecoder().decode([String].self, from: data)
            else { continue }
            if header.hasPrefix("C.\(product)-") && header.hasSuffix("-debug.module\":") {
                compile = args.filter { $0 != "-parseable-output" }
            } else if header.hasPrefix("C.\(product)-") && header.hasSuffix("-debug.exe\":") {
                link = args
            }
        }
        guard let compile, let link else { return nil }
        // SwiftPM's module-wrap step only refreshes debugger information; the object it wrote on
        // the first build stays in the link, so it is left out here to save time on every save.
        return DirectBuildPlan(structure: structure, commands: [compile, link])
    }
}

extension DirectBuildPlan {
    /// Runs a command in `root` and returns what it printed, or nil when it failed: how the plan's
    /// commands are asked for their jobs (`-###`) while a plan is made.
    static func runner(in root: String, timeout: Duration) -> @Sendable ([String]) -> String? {
        { command in
            guard let executable = command.first,
                let (status, output) = try? ChildProcess.run(
                    executable: executable, arguments: Array(command.dropFirst()), workingDirectory: root,
                    timeout: timeout),
                status.isSuccess
            else { return nil }
            return output.text
        }
    }
}
