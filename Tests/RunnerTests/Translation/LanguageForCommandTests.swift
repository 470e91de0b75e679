import Foundation
import Grader
import Testing

@testable import Runner

/// The language a command speaks before the pack is loaded, and where the first-run answer may be
/// stored: never into a folder of other files (that would make it look like a workspace).
@Suite struct LanguageForCommandTests {
    private func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "language-\(name)-\(UUID().uuidString)", isDirectory: true)
        return url
    }

    @Test func theWorkspacesChoice_isReadFromTheFolderTheCommandUses() throws {
        let workspace = try folder("stored")
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try WorkspaceSettings(language: .id).save(inWorkspaceAt: workspace))
        let found = LanguageChoice.forCommand(
            option: nil, packOption: nil, workspaceOption: workspace.path, environment: ["LANG": "en_US"])
        #expect(found.choice == LanguageChoice(language: .id, source: .workspace))
        #expect(found.workspace?.lastPathComponent == workspace.lastPathComponent)
        #expect(found.problem == nil)
    }

    @Test func anUnknownVariable_isAProblem_andTheRestStillChooses() throws {
        let found = LanguageChoice.forCommand(
            option: nil, packOption: nil, workspaceOption: "/nonexistent/workspace",
            environment: ["BACKENDLINGS_LANG": "xx", "LANG": "id_ID.UTF-8"])
        #expect(found.problem == .unknown("xx", from: "BACKENDLINGS_LANG"))
        #expect(found.choice == LanguageChoice(language: .id, source: .locale))
        let option = LanguageChoice.forCommand(
            option: "zz", packOption: nil, workspaceOption: "/nonexistent/workspace", environment: [:])
        #expect(option.choice.source == .fallback, "an unknown --lang is the parser's error, skipped here")
    }

    @Test func saving_intoAFolderOfOtherFiles_isRefused_andTouchesNothing() throws {
        let root = try folder("busy")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(try WorkspaceSettings(language: .id).save(inWorkspaceAt: root) == false)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".backendlings").path))
        #expect(WorkspaceSettings.load(fromWorkspaceAt: root) == WorkspaceSettings())
    }
}
