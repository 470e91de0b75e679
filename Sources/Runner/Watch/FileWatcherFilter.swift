/// Decides which folders are watched and which file changes count.
///
/// Build output, tool state and hidden folders are never watched (a `swift build` would otherwise
/// trigger itself). Of the files, only source-like ones count, which also drops every editor dropping:
/// Vim's `.x.swift.swp`/`.swx` and `4913` probe, Emacs' `.#x.swift` lock and `x.swift~` backup, and
/// `*.tmp` files written before a rename.
public struct FileWatcherFilter: Sendable, Equatable {
    /// Folder names never descended into (hidden folders are skipped as well).
    public var ignoredDirectoryNames: Set<String>
    /// File extensions (without the dot) whose changes are reported.
    public var relevantExtensions: Set<String>
    /// File names reported whatever their extension: the pack's learner files that are not Swift
    /// (`Containerfile`, `RUNBOOK.md`), whose checks read them, so a save must check again.
    public var relevantFileNames: Set<String>

    /// The defaults ignore SwiftPM and Backendlings folders and report Swift, JSON and SQL files.
    public init(
        ignoredDirectoryNames: Set<String> = [".build", ".swiftpm", ".backendlings"],
        relevantExtensions: Set<String> = ["swift", "json", "sql"], relevantFileNames: Set<String> = []
    ) {
        self.ignoredDirectoryNames = ignoredDirectoryNames
        self.relevantExtensions = relevantExtensions
        self.relevantFileNames = relevantFileNames
    }

    /// Whether a folder with this name (below a root) is watched.
    public func watchesDirectory(named name: String) -> Bool {
        !name.hasPrefix(".") && !ignoredDirectoryNames.contains(name)
    }

    /// Whether a change to a file with this name is reported.
    public func isRelevant(fileNamed name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return false }
        if relevantFileNames.contains(name) { return true }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let pathExtension = String(name[name.index(after: dot)...])
        if ["swp", "swx", "tmp"].contains(pathExtension) { return false }
        return relevantExtensions.contains(pathExtension)
    }
}
