import Foundation

/// `backendlings dev adopt EXERCISE FOLDER`: the way back from `dev starter`. An author edits a whole
/// assembled starter in a folder, and this writes the exercise's `Starter/` as an overlay again: the
/// learner's `files` and new files whole, each changed inherited file as a `.patch`, every inherited
/// file left out of the folder added to `removes`. Inherited files that did not change are not
/// written at all. The old `Starter/` is saved under the checkout's `.build/` first.
public struct DevAdopt: Sendable {
    public let pack: Pack
    public let home: URL

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    /// What `adopt` wrote, relative to `Starter/`, and where it saved the folder it replaced.
    public struct Adopted: Sendable, Equatable {
        public var whole: [String] = []
        public var patches: [String] = []
        public var removes: [String] = []
        public var backup: String = ""
    }

    public func run(_ exercise: Exercise, from folder: URL, now: Date = Date()) throws -> Adopted {
        let edited = try readFolder(folder)
        let inherited = try pack.previousStep(of: exercise).map { try pack.solvedBodies(of: $0) } ?? [:]
        let overlays = pack.modules.first { $0.id == exercise.moduleID }?.starters == .overlays
        var own: [String: Data] = [:]
        var adopted = Adopted()
        for (path, data) in edited.sorted(by: { $0.key < $1.key }) {
            let body = exercise.files.contains(path) || !overlays ? data : Pack.withoutGivenHeader(data)
            guard !exercise.files.contains(path), let base = inherited[path] else {
                own[path] = body
                adopted.whole.append(path)
                continue
            }
            if base == body { continue }
            let patch = LineDiff.unified(
                from: String(decoding: base, as: UTF8.self), to: String(decoding: body, as: UTF8.self),
                name: path)
            own[path + Pack.patchSuffix] = Data(patch.utf8)
            adopted.patches.append(path + Pack.patchSuffix)
        }
        adopted.removes = inherited.keys.filter { edited[$0] == nil }.sorted()

        let starter = pack.starterFolder(of: exercise)
        let backup = FileSystem.unusedName(
            "\(exercise.id)-\(FileSystem.fileNameTimestamp(now))",
            in: home.appendingPathComponent(".build/backendlings/adopt-backups", isDirectory: true))
        try FileSystem.createDirectory(backup.deletingLastPathComponent())
        if FileSystem.exists(starter) { try FileSystem.move(starter, to: backup) }
        try FileSystem.writeTree(own, into: starter, operation: "write the overlay to")
        adopted.backup = backup.path

        if adopted.removes != exercise.removes {
            var modules = pack.modules
            for m in modules.indices {
                for e in modules[m].exercises.indices where modules[m].exercises[e].id == exercise.id {
                    modules[m].exercises[e].removes = adopted.removes
                }
            }
            let updated = Pack(
                root: pack.root, name: pack.name, formatVersion: pack.formatVersion, modules: modules)
            try FileSystem.writeAtomically(ManifestWriter.render(updated), to: pack.manifestFile)
        }
        return adopted
    }

    private func readFolder(_ folder: URL) throws -> [String: Data] {
        guard FileSystem.isDirectory(folder) else {
            throw DevError(
                "\(folder.path) is not a folder; give the folder `dev starter` wrote and you edited.")
        }
        var files: [String: Data] = [:]
        for path in FileSystem.relativeFiles(below: folder) where !path.hasPrefix(".") {
            files[path] = try FileSystem.readFile(folder.appendingPathComponent(path))
        }
        return files
    }
}
