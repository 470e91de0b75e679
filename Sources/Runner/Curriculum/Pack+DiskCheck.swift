import Foundation

extension Pack {
    /// Confirms that every module folder (with `Tests/`), every exercise folder (with `README.md` and
    /// `Starter/`) and every file listed in `files` exists. Throws `PackError.missingOnDisk` naming
    /// each missing path as seen from `currentDirectory`.
    func checkDisk(shownFrom currentDirectory: URL) throws(PackError) {
        var problems: [String] = []
        for module in modules {
            let moduleName = FileSystem.displayPath(folder(of: module), from: currentDirectory)
            guard FileSystem.isDirectory(folder(of: module)) else {
                problems.append("\(moduleName) is missing (pack.json lists module \"\(module.id)\" there).")
                continue
            }
            if !FileSystem.isDirectory(testsFolder(of: module)) {
                problems.append(
                    "\(moduleName)/Tests is missing "
                        + "(every module needs a Tests folder with its hidden tests).")
            }
            for exercise in module.exercises {
                problems += diskProblems(of: exercise, shownFrom: currentDirectory)
            }
        }
        if !problems.isEmpty { throw .missingOnDisk(problems) }
    }

    private func diskProblems(of exercise: Exercise, shownFrom currentDirectory: URL) -> [String] {
        let name = FileSystem.displayPath(folder(of: exercise), from: currentDirectory)
        guard FileSystem.isDirectory(folder(of: exercise)) else {
            return ["\(name) is missing (pack.json lists exercise \"\(exercise.id)\" there)."]
        }
        var problems: [String] = []
        if !FileSystem.isFile(lessonText(of: exercise)) {
            problems.append("\(name)/README.md is missing (every exercise needs its lesson text there).")
        }
        guard FileSystem.isDirectory(starterFolder(of: exercise)) else {
            problems.append(
                "\(name)/Starter is missing (every exercise needs a starter to copy into the workspace).")
            return problems
        }
        for file in exercise.files
        where !FileSystem.isFile(starterFolder(of: exercise).appendingPathComponent(file)) {
            problems.append(
                "\(name)/Starter/\(file) is missing "
                    + "(it is listed in \"files\" of exercise \"\(exercise.id)\").")
        }
        return problems
    }
}
