import Foundation
import Grader

extension DevCheck {
    /// Compiler warnings in hidden tests are problems: a warning there has hidden a check that
    /// could never fail (an unused result, a deprecated call that does something else). A string
    /// literal where GraderKit wants `Words` warns too: that text has no Indonesian, which is a
    /// missing translation in a pack that declares Indonesian (and nothing in one that does not).
    ///
    /// The compiler prints a file's warnings only when it compiles that file, so the warnings of
    /// each hidden-test file are remembered (with the file's hash) between runs in the dev check's
    /// folder, and a second run reports what the first one saw.
    func testWarnings(in lines: [String], modules: [Module], cache: URL) -> [String] {
        var seen: [String: [String]] = [:]
        for line in lines where line.contains(": warning: ") {
            for module in modules {
                let tests = FileSystem.canonicalPath(pack.testsFolder(of: module)) + "/"
                let shownFolder = "Lessons/\(module.path)/Tests/"
                let shown: String
                if line.hasPrefix(tests) {
                    shown = shownFolder + line.dropFirst(tests.count)
                } else if let linked = line.range(of: "/Graders/\(module.id)/") {
                    shown = shownFolder + line[linked.upperBound...]
                } else {
                    continue
                }
                let file = String(shown.prefix { $0 != ":" })
                if !(seen[file]?.contains(shown) ?? false) { seen[file, default: []].append(shown) }
            }
        }
        let remembered = WarningMemory.merge(seen, into: cache, root: pack.root)
        let translating = pack.languages.contains(.id)
        var problems: [String] = []
        for warning in remembered.values.flatMap({ $0 }).sorted() {
            if warning.contains(Self.missingIndonesianWarning) {
                if translating {
                    let place = warning.components(separatedBy: ": warning: ").first ?? warning
                    problems.append(
                        "Missing Bahasa Indonesia translation: \(place) (write Words(\"…\", id: \"…\"))")
                }
            } else {
                problems.append("A hidden test has a compiler warning: " + warning)
            }
        }
        return problems
    }

    /// What the compiler says where an English-only literal stands for `Words` (see `Words`).
    static let missingIndonesianWarning = "this text needs its Indonesian"

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
