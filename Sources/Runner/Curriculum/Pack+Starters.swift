import Foundation

extension Pack {
    /// The first line of every given file (a file of the starter the learner does not edit) in a
    /// module whose starters are overlays. The runner writes it, so all given files say the same.
    /// A debugging module gets none: there the learner must look everywhere.
    public static let givenFileHeader = "// Given: you do not need to change this file.\n"

    /// The whole starter of an exercise, as the learner gets it: each file's path relative to
    /// `Starter/` and its bytes.
    ///
    /// In a module with `"starters": "overlays"` it is assembled: the previous step solved, minus the
    /// files this step `removes`, with this step's own `Starter/` files laid over it, and the
    /// given-file header added to every given Swift file. Otherwise it is the `Starter/` folder as it is.
    public func starterFiles(of exercise: Exercise) throws(PackError) -> [String: Data] {
        guard layout(of: exercise) == .overlays else { return try ownStarterFiles(of: exercise) }
        return withGivenHeaders(try starterBodies(of: exercise), of: exercise)
    }

    /// The starter with each of the exercise's `files` replaced by its reference solution: what the
    /// dev check proves passes, and what the next step of an overlay module starts from.
    ///
    /// Throws `PackError.missingOnDisk` naming every missing solution file.
    public func solvedFiles(of exercise: Exercise) throws(PackError) -> [String: Data] {
        guard layout(of: exercise) == .overlays else {
            var files = try ownStarterFiles(of: exercise)
            for (path, data) in try solutions(of: exercise) { files[path] = data }
            return files
        }
        return withGivenHeaders(try solvedBodies(of: exercise), of: exercise)
    }

    /// Writes the exercise's whole starter into `directory`, which must be missing or empty.
    public func writeStarter(of exercise: Exercise, into directory: URL) throws(PackError) {
        try write(try starterFiles(of: exercise), into: directory, operation: "copy the starter to")
    }

    /// Builds a solved copy of an exercise in `directory`, which must be missing or empty: the whole
    /// starter with each of `files` replaced by its reference version. The dev check compiles and
    /// grades such a copy to prove that the hidden tests accept the reference solution.
    ///
    /// Throws `PackError.missingOnDisk` naming every missing solution file before writing anything.
    public func writeSolvedCopy(of exercise: Exercise, into directory: URL) throws(PackError) {
        try write(try solvedFiles(of: exercise), into: directory, operation: "build a solved copy in")
    }

    private func write(_ files: [String: Data], into directory: URL, operation: String) throws(PackError) {
        do throws(FileSystemError) {
            try FileSystem.writeTree(files, into: directory, operation: operation)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// The step an overlay starter is laid over: the exercise just before this one, or for the
    /// module's first exercise the module's `startsFrom` step (nil when the first starter is whole).
    public func previousStep(of exercise: Exercise) -> Exercise? {
        guard let module = modules.first(where: { $0.id == exercise.moduleID }), module.starters == .overlays,
            let index = module.exercises.firstIndex(of: exercise)
        else { return nil }
        guard index > 0 else { return module.startsFrom.flatMap { self.exercise(id: $0) } }
        return module.exercises[index - 1]
    }

    /// The exercise's own `Starter/` folder, read as it is on disk.
    public func ownStarterFiles(of exercise: Exercise) throws(PackError) -> [String: Data] {
        let folder = starterFolder(of: exercise)
        var files: [String: Data] = [:]
        do throws(FileSystemError) {
            for path in FileSystem.relativeFiles(below: folder) {
                files[path] = try FileSystem.readFile(folder.appendingPathComponent(path))
            }
        } catch {
            throw .fileSystem(error)
        }
        return files
    }

    /// The given-file header and anything else the runner adds removed: the text an author writes.
    public static func withoutGivenHeader(_ data: Data) -> Data {
        let header = Data(givenFileHeader.utf8)
        return data.starts(with: header) ? data.dropFirst(header.count) : data
    }

    // MARK: - Assembly

    private func layout(of exercise: Exercise) -> StarterLayout {
        modules.first(where: { $0.id == exercise.moduleID })?.starters ?? .full
    }

    /// The starter's files as authors write them (no given-file headers).
    func starterBodies(of exercise: Exercise) throws(PackError) -> [String: Data] {
        guard let previous = previousStep(of: exercise) else { return try ownStarterFiles(of: exercise) }
        var files = try solvedBodies(of: previous)
        for removed in exercise.removes { files[removed] = nil }
        let own = try ownStarterFiles(of: exercise)
        for (path, data) in own where !path.hasSuffix(Self.patchSuffix) { files[path] = data }
        for (path, patch) in own.sorted(by: { $0.key < $1.key }) where path.hasSuffix(Self.patchSuffix) {
            let target = String(path.dropLast(Self.patchSuffix.count))
            let shown = "Lessons/\(exercise.relativePath)/Starter/\(path)"
            guard let inherited = files[target], own[target] == nil else {
                throw .overlay(
                    "\(shown) changes \(target), but \(previous.id) solved has no \(target) to change"
                        + (own[target] == nil ? "." : " (this step's Starter/ has its own \(target))."))
            }
            do throws(PatchError) {
                let patched = try LineDiff.apply(
                    String(decoding: patch, as: UTF8.self), to: String(decoding: inherited, as: UTF8.self))
                files[target] = Data(patched.utf8)
            } catch {
                throw .overlay(
                    "\(shown) no longer applies to \(target) of \(previous.id) solved: \(error). Write the "
                        + "step's version again with `backendlings dev starter \(exercise.id)` and "
                        + "`backendlings dev adopt \(exercise.id) FOLDER`.")
            }
        }
        return files
    }

    /// How a step's `Starter/` names the change it makes to an inherited file: `TaskStore.swift.patch`
    /// holds a unified diff against `TaskStore.swift` of the previous step solved.
    public static let patchSuffix = ".patch"

    /// The solved step's files as authors write them (no given-file headers).
    func solvedBodies(of exercise: Exercise) throws(PackError) -> [String: Data] {
        var files = try starterBodies(of: exercise)
        for (path, data) in try solutions(of: exercise) { files[path] = data }
        return files
    }

    /// Each of `files` and its reference version; every missing one is named before anything is read.
    private func solutions(of exercise: Exercise) throws(PackError) -> [(String, Data)] {
        let missing = zip(exercise.files, solutionFiles(of: exercise)).filter { !FileSystem.isFile($0.1) }
        guard missing.isEmpty else {
            throw .missingOnDisk(
                missing.map {
                    "Solutions/\(exercise.relativePath)/\($0.0) is missing (the reference version of a file "
                        + "in \"files\" of exercise \"\(exercise.id)\")."
                })
        }
        var solutions: [(String, Data)] = []
        do throws(FileSystemError) {
            for (file, url) in zip(exercise.files, solutionFiles(of: exercise)) {
                solutions.append((file, try FileSystem.readFile(url)))
            }
        } catch {
            throw .fileSystem(error)
        }
        return solutions
    }

    private func withGivenHeaders(_ bodies: [String: Data], of exercise: Exercise) -> [String: Data] {
        // In a debugging module the one file without the header would be the one with the bug.
        guard modules.first(where: { $0.id == exercise.moduleID })?.kind != .debugging else { return bodies }
        var files = bodies
        let header = Data(Self.givenFileHeader.utf8)
        for (path, data) in bodies where path.hasSuffix(".swift") && !exercise.files.contains(path) {
            files[path] = header + data
        }
        return files
    }
}
