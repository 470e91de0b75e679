import Foundation

@testable import Runner

/// A fixture pack with a workspace inside it (`<pack>/workspace`), the layout of a normal checkout.
/// Messages are shown relative to the pack root, as if the learner ran backendlings from there.
struct WorkspaceFixture {
    var dir: URL
    var fixture: FixturePack
    var pack: Pack
    var workspace: Workspace

    init(in dir: URL, modules: [FixturePack.ModuleSpec] = FixturePack.defaultModules) throws {
        self.dir = dir
        fixture = try FixturePack.create(at: dir, modules: modules)
        pack = try fixture.load()
        workspace = Workspace(
            root: dir.appendingPathComponent("workspace"), pack: pack, home: dir, currentDirectory: dir)
    }

    func exercise(_ id: String) throws -> Exercise {
        guard let exercise = pack.exercise(id: id) else {
            throw FileSystemError(operation: "find", path: id, code: 0)
        }
        return exercise
    }

    /// A file of the learner's copy of an exercise.
    func learnerFile(_ id: String, _ name: String) throws -> URL {
        workspace.folder(of: try exercise(id)).appendingPathComponent(name)
    }
}

/// Sets a file's modification time to `date` (to prove later that nothing rewrote it).
func setModificationDate(_ url: URL, to date: Date) throws {
    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
}
