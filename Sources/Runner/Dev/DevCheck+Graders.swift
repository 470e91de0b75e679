import Foundation
import Grader

extension DevCheck {
    /// Compiler warnings in hidden tests are problems: a warning there has hidden a check that
    /// could never fail (an unused result, a deprecated call that does something else). Only files
    /// compiled in this run show them, so a fresh build (CI) sees them all.
    func testWarnings(in lines: [String], modules: [Module]) -> [String] {
        var warnings: [String] = []
        for line in lines where line.contains(": warning: ") {
            for module in modules {
                let tests = FileSystem.canonicalPath(pack.testsFolder(of: module)) + "/"
                let shownFolder = "Lessons/\(module.path)/Tests/"
                var shown: String
                if line.hasPrefix(tests) {
                    shown = shownFolder + line.dropFirst(tests.count)
                } else if let linked = line.range(of: "/Graders/\(module.id)/") {
                    shown = shownFolder + line[linked.upperBound...]
                } else {
                    continue
                }
                shown = "A hidden test has a compiler warning: " + shown
                if !warnings.contains(shown) { warnings.append(shown) }
            }
        }
        return warnings
    }

    /// Every exercise must have tests in its module's grader, and no grader may test an unknown id.
    func checkGraderLists(_ package: DevCheckPackage, exercises: [Exercise], built: Set<String>)
        -> [String]
    {
        var problems: [String] = []
        for module in pack.modules where built.contains(DevCheckPackage.graderProduct(module)) {
            let binary = package.binary(DevCheckPackage.graderProduct(module))
            guard
                let result = try? ChildProcess.run(
                    executable: binary.path, arguments: ["--list"], timeout: .seconds(30)),
                let listed = try? JSONDecoder().decode([String].self, from: Data(result.output.text.utf8))
            else {
                problems.append("grader-\(module.id) --list did not print a JSON list of exercise ids.")
                continue
            }
            for exercise in module.exercises
            where exercises.contains(exercise) && !listed.contains(exercise.id) {
                problems.append(
                    "Exercise \"\(exercise.id)\" has no hidden tests: add its ExerciseTests to Lessons/\(module.path)/Tests/main.swift."
                )
            }
            for id in listed where !module.exercises.contains(where: { $0.id == id }) {
                problems.append(
                    "Lessons/\(module.path)/Tests declares tests for \"\(id)\", which is not an exercise of module \"\(module.id)\"."
                )
            }
        }
        return problems
    }
}
