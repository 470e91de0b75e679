import Foundation
import Grader

/// The dev check's static part: what can be judged without building anything.
struct PackLint {
    let pack: Pack

    /// Lesson text, hints, TODO markers, solutions present, per exercise. A debugging module's
    /// starters are the other way round: a marker would point at the planted bug, so none may have one.
    func problems(of exercise: Exercise) -> [String] {
        let debugging = pack.module(of: exercise)?.kind == .debugging
        var problems: [String] = []
        let lesson = pack.lessonText(of: exercise)
        let text = (try? String(contentsOf: lesson, encoding: .utf8)) ?? ""
        if text.trimmingCharacters(in: .whitespacesAndNewlines).count < 200 {
            problems.append(
                "Lessons/\(exercise.relativePath)/README.md is missing or too short to teach anything (under 200 characters)."
            )
        }
        for heading in ["## Your task", "## Try it by hand"] where !text.contains(heading) {
            problems.append("Lessons/\(exercise.relativePath)/README.md has no \"\(heading)\" section.")
        }
        if exercise.hints.count < 2 {
            problems.append(
                "Exercise \"\(exercise.id)\" has \(exercise.hints.count) hint\(exercise.hints.count == 1 ? "" : "s") in pack.json; give at least two, from a nudge to nearly the answer."
            )
        }
        for file in exercise.files {
            let starter = pack.starterFolder(of: exercise).appendingPathComponent(file)
            let contents = (try? String(contentsOf: starter, encoding: .utf8)) ?? ""
            if debugging && contents.contains("TODO(learner)") {
                problems.append(
                    "Lessons/\(exercise.relativePath)/Starter/\(file) has a \"TODO(learner)\" marker, but module \"\(exercise.moduleID)\" is a debugging module: the marker points at the planted bug, which the learner must find. Remove it."
                )
            } else if !debugging && !contents.contains("TODO(learner)") {
                problems.append(
                    "Lessons/\(exercise.relativePath)/Starter/\(file) has no \"TODO(learner)\" marker telling the learner what to write."
                )
            }
            let solution = pack.solutionFolder(of: exercise).appendingPathComponent(file)
            if !FileSystem.isFile(solution) {
                problems.append(
                    "Solutions/\(exercise.relativePath)/\(file) is missing: every file in \"files\" needs its reference version."
                )
            } else if let solved = try? String(contentsOf: solution, encoding: .utf8),
                solved.contains("TODO(learner)")
            {
                problems.append(
                    "Solutions/\(exercise.relativePath)/\(file) still contains a TODO(learner) marker.")
            }
        }
        return problems
    }

    /// `README.md` and its translations (`README.id.md`).
    static func isLessonText(_ name: String) -> Bool {
        name == "README.md" || Language.allCases.contains { name == "README.\($0.code).md" }
    }

    /// Files and folders the manifest does not account for. Everything below an exercise's
    /// `Solutions/…/Variants/` belongs to its variants.
    func orphans() -> [String] {
        var problems: [String] = []
        let known = Set(pack.modules.map(\.path))
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: pack.lessonsFolder.path)) ?? []
        where !entry.hasPrefix(".") {
            if entry == "pack.json" || entry == "translations.lock" || Self.isLessonText(entry) { continue }
            if !known.contains(entry) {
                problems.append("Lessons/\(entry) is not a module in pack.json (orphaned).")
            }
        }
        for module in pack.modules {
            let exercisePaths = Set(module.exercises.map(\.path))
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: pack.folder(of: module).path))
                ?? [] where !entry.hasPrefix(".")
            {
                if entry == "Tests" || Self.isLessonText(entry) || exercisePaths.contains(entry) { continue }
                problems.append(
                    "Lessons/\(module.path)/\(entry) is not an exercise of module \"\(module.id)\" in pack.json (orphaned)."
                )
            }
        }
        let expectedSolutions = Set(
            pack.exercises.flatMap { exercise in exercise.files.map { "\(exercise.relativePath)/\($0)" } })
        // Variants are checked by `VariantLoader`, folder by folder.
        let variantFolders = pack.exercises.map { "\($0.relativePath)/\(Variant.folderName)/" }
        for path in FileSystem.relativeFiles(below: pack.solutionsFolder).sorted()
        where !expectedSolutions.contains(path) {
            if path.hasSuffix("README.md") || path.hasPrefix(".") { continue }
            if variantFolders.contains(where: path.hasPrefix) { continue }
            problems.append("Solutions/\(path) belongs to no exercise's \"files\" (orphaned).")
        }
        return problems
    }
}
