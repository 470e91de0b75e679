import Foundation

/// Turns `swift build` output into what a learner needs: the errors with their source lines,
/// paths shown relative to where they work, and none of the build system's progress chatter.
public enum CompilerDiagnostics {
    /// - Parameters:
    ///   - output: everything the build printed.
    ///   - replacing: absolute path prefixes mapped to what to show instead (the workspace folder
    ///     becomes `workspace/`).
    ///   - maxLines: the most lines to keep; the rest is counted.
    public static func summarize(_ output: String, replacing prefixes: [(String, String)], maxLines: Int = 60)
        -> String
    {
        var kept: [String] = []
        var inDiagnostic = false
        var seen = Set<String>()
        for rawLine in output.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            for (prefix, replacement) in prefixes {
                line = line.replacingOccurrences(of: prefix, with: replacement)
            }
            if line.hasPrefix("[") && line.contains("] ")
                && (line.contains("Compiling") || line.contains("Emitting") || line.contains("Linking")
                    || line.contains("Write") || line.contains("Planning"))
            {
                inDiagnostic = false
                continue
            }
            if line.hasPrefix("Building for") || line.hasPrefix("error: fatalError")
                || line.hasPrefix("Build complete")
                || (line.hasPrefix("error: ") && line.contains("command failed with exit code"))
            {
                continue
            }
            if line.contains(": error:") || line.contains(": warning:") || line.hasPrefix("error:") {
                // The driver repeats each diagnostic once per batch job; keep the first.
                inDiagnostic = seen.insert(line).inserted && !line.contains(": warning:")
                if inDiagnostic { kept.append(line) }
                continue
            }
            if inDiagnostic && !line.isEmpty { kept.append(line) }
        }
        if kept.isEmpty {
            kept = output.split(separator: "\n").suffix(20).map(String.init)
        }
        if kept.count > maxLines {
            let extra = kept.count - maxLines
            kept = Array(kept.prefix(maxLines)) + ["… \(extra) more lines"]
        }
        return kept.joined(separator: "\n")
    }
}
