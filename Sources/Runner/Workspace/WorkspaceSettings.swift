import Foundation
import Grader

/// What a learner chose once and the workspace remembers: `.backendlings/settings.json`. Today the
/// language; a missing or unreadable file means nothing was chosen.
public struct WorkspaceSettings: Codable, Sendable, Equatable {
    public var language: Language?

    public init(language: Language? = nil) { self.language = language }

    public static func file(in workspace: Workspace) -> URL { file(inWorkspaceAt: workspace.root) }

    /// The settings file of the workspace folder `root`, which may not exist yet.
    public static func file(inWorkspaceAt root: URL) -> URL {
        root.appendingPathComponent(".backendlings/settings.json")
    }

    public static func load(from workspace: Workspace) -> WorkspaceSettings {
        load(fromWorkspaceAt: workspace.root)
    }

    /// The settings of the workspace folder `root`, read before the pack is loaded (the language
    /// must be known before the first message).
    public static func load(fromWorkspaceAt root: URL) -> WorkspaceSettings {
        guard let data = try? Data(contentsOf: file(inWorkspaceAt: root)),
            let settings = try? JSONDecoder().decode(WorkspaceSettings.self, from: data)
        else { return WorkspaceSettings() }
        return settings
    }

    public func save(in workspace: Workspace) throws {
        try FileSystem.createDirectory(workspace.stateFolder)
        try write(to: Self.file(in: workspace))
    }

    /// Saves the settings in the workspace folder `root` when that cannot make a folder look like a
    /// workspace it is not: `root` is missing or empty, or already has `.backendlings/`. Returns
    /// whether it saved (a folder of other files is left alone: the workspace check refuses it later).
    @discardableResult
    public func save(inWorkspaceAt root: URL) throws -> Bool {
        let state = root.appendingPathComponent(".backendlings", isDirectory: true)
        let entries = ((try? FileSystem.contentsOfDirectory(root)) ?? []).filter {
            $0 != ".build" && $0 != ".DS_Store"
        }
        guard FileSystem.isDirectory(state) || entries.isEmpty, !FileSystem.isFile(root) else { return false }
        try FileSystem.createDirectory(state)
        try write(to: Self.file(inWorkspaceAt: root))
        return true
    }

    private func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.writeAtomically(try encoder.encode(self), to: file)
    }
}
