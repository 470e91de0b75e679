import Foundation

/// `backendlings dev classroom`: turns a copy of this checkout into a GitHub Classroom template
/// repository by writing the autograding workflow, and by letting git keep the learner's workspace
/// (this checkout's `.gitignore` leaves `/workspace/` out, which would leave CI nothing to grade).
public struct DevClassroom: Sendable {
    public let pack: Pack
    public let home: URL
    public var swiftVersion = ClassroomWorkflow.defaultSwiftVersion

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    public struct Written: Sendable, Equatable {
        public var workflow: ClassroomWorkflow
        /// The workflow file.
        public var file: URL
        /// True when `/workspace/` was taken out of the repository's `.gitignore`.
        public var unignoredWorkspace: Bool
    }

    /// The line of this checkout's `.gitignore` that keeps a learner's workspace out of git.
    static let workspaceIgnoreLine = "/workspace/"

    public func run(into folder: URL, onProgress: @escaping @Sendable (String) -> Void = { _ in }) throws
        -> Written
    {
        guard FileSystem.isDirectory(folder) else { throw ClassroomError.noFolder(path: folder.path) }
        let points = try ExerciseCheckCounts(pack: pack, home: home).points(onProgress: onProgress)
        let workflow = try ClassroomWorkflow(pack: pack, points: points, swiftVersion: swiftVersion)
        let file = folder.appendingPathComponent(ClassroomWorkflow.path)
        try FileSystem.createDirectory(file.deletingLastPathComponent())
        try FileSystem.writeAtomically(Data(workflow.yaml().utf8), to: file)
        return Written(workflow: workflow, file: file, unignoredWorkspace: try unignoreWorkspace(in: folder))
    }

    private func unignoreWorkspace(in folder: URL) throws -> Bool {
        let gitignore = folder.appendingPathComponent(".gitignore")
        guard let text = try? String(contentsOf: gitignore, encoding: .utf8) else { return false }
        let lines = text.components(separatedBy: "\n")
        guard lines.contains(Self.workspaceIgnoreLine) else { return false }
        let kept = lines.filter { $0 != Self.workspaceIgnoreLine }.joined(separator: "\n")
        try FileSystem.writeAtomically(Data(kept.utf8), to: gitignore)
        return true
    }
}
