import Foundation

/// Making the direct rebuild after a save as short as it can be: the compile without what only
/// importers and editors use, and the link as the two programs `swiftc` would start itself, with
/// lld, without the driver and clang in between.
///
/// Measured on a 2-core machine (api02-crud, warm): the module compile loses its separate
/// emit-module job and the index store; the link goes from ~220 ms (swiftc → clang → gold) to
/// ~90 ms (ld.lld alone). The list of libraries to link (`swift-autolink-extract`'s output) is
/// made once, with the plan: a new `import` that needs another library makes the link fail, and
/// SwiftPM then builds and plans again.
extension DirectBuildPlan {
    /// Options of SwiftPM's compile command that an executable nobody imports does not need: its
    /// `.swiftmodule`, the index store (the editor keeps its own), `.d` files and testability.
    static func leanCompile(_ arguments: [String]) -> [String] {
        let withValue: Set<String> = ["-emit-module-path", "-index-store-path"]
        let alone: Set<String> = ["-emit-module", "-emit-dependencies", "-enable-testing"]
        var result: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if withValue.contains(argument) {
                skipNext = true
                continue
            }
            if alone.contains(argument) { continue }
            result.append(argument)
        }
        return result
    }

    /// The link command as the linker job swiftc would run with lld, asked once with `-###`; the
    /// autolink job before it is run here, once. Nil when the toolchain has no lld next to swiftc
    /// or the jobs do not have the expected shape (then the plain link is kept). `run` runs a
    /// command and returns what it printed, or nil when it failed.
    static func directLink(_ link: [String], run: ([String]) -> String?) -> [String]? {
        guard let swiftc = link.first else { return nil }
        let tools = URL(fileURLWithPath: swiftc).deletingLastPathComponent()
        guard FileManager.default.isExecutableFile(atPath: tools.appendingPathComponent("ld.lld").path),
            let jobs = run(link + ["-use-ld=lld", "-###"])
        else { return nil }
        let lines = jobs.split(separator: "\n").map { shellWords(String($0)) }.filter { !$0.isEmpty }
        guard lines.count == 2, let autolink = lines.first, autolink[0].hasSuffix("swift-autolink-extract"),
            let clang = lines.last, clang[0].hasSuffix("clang"),
            let linkerJobs = run(clang + ["-###"])
        else { return nil }
        guard
            let linker = linkerJobs.split(separator: "\n").map({ shellWords(String($0)) }).first(where: {
                $0.first?.hasSuffix("ld.lld") == true
            }),
            run(autolink) != nil
        else { return nil }
        return linker
    }

    /// The words of a command line as `-###` prints it: separated by spaces, with `"…"`, `'…'`
    /// and backslash quoting.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
