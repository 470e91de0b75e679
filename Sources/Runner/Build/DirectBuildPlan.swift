import Foundation

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
    /// Compile the module, (on Linux) wrap its AST for the debugger, link the executable.
    var commands: [[String]]

    /// Reads the commands for `product` (whose Swift module is `module`) from a SwiftPM build manifest.
    static func read(manifest text: String, product: String, module: String, structure: String)
        -> DirectBuildPlan?
    {
        var compile: [String]?
        var wrap: [String]?
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
            } else if args.contains("-modulewrap")
                && args.contains(where: { $0.hasSuffix("/Modules/\(module).swiftmodule") })
            {
                wrap = args
            }
        }
        guard let compile, let link else { return nil }
        return DirectBuildPlan(structure: structure, commands: [compile] + (wrap.map { [$0] } ?? []) + [link])
    }

    /// The Swift module name SwiftPM derives from a target name (`db01-schema` → `db01_schema`).
    static func moduleName(for target: String) -> String {
        String(target.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
