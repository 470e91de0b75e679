import Foundation

extension Pack {
    /// `Solutions/<module path>/<exercise path>/<file>` for each of the exercise's `files`, in order.
    public func solutionFiles(of exercise: Exercise) -> [URL] {
        exercise.files.map { solutionFolder(of: exercise).appendingPathComponent($0) }
    }

    /// Builds a solved copy of an exercise in `directory`, which must be missing or empty: the whole
    /// starter, then each of `files` replaced by its reference version. The dev check compiles and
    /// grades such a copy to prove that the hidden tests accept the reference solution.
    ///
    /// Throws `PackError.missingOnDisk` naming every missing solution file before copying anything.
    public func writeSolvedCopy(of exercise: Exercise, into directory: URL) throws(PackError) {
        let missing = zip(exercise.files, solutionFiles(of: exercise)).filter { !FileSystem.isFile($0.1) }
        guard missing.isEmpty else {
            throw .missingOnDisk(
                missing.map {
                    "Solutions/\(exercise.relativePath)/\($0.0) is missing (the reference version of a file "
                        + "in \"files\" of exercise \"\(exercise.id)\")."
                })
        }
        do throws(FileSystemError) {
            if FileSystem.exists(directory), !(try FileSystem.contentsOfDirectory(directory)).isEmpty {
                throw FileSystemError(
                    operation: "build a solved copy in", path: directory.path, code: 0,
                    detail: "the folder is not empty")
            }
            try FileSystem.copyTree(from: starterFolder(of: exercise), to: directory)
            for (file, solution) in zip(exercise.files, solutionFiles(of: exercise)) {
                let target = directory.appendingPathComponent(file)
                try FileSystem.createDirectory(target.deletingLastPathComponent())
                try FileSystem.writeAtomically(try FileSystem.readFile(solution), to: target)
            }
        } catch {
            throw .fileSystem(error)
        }
    }
}
