import Foundation

/// The dev check's rules for how starters are written: in an overlay module, what an exercise's own
/// `Starter/` may hold (new files, the learner's files, patches of inherited files) and what its
/// `removes` may name; everywhere, the one given-file header. Each rule keeps every piece of inherited code written once and every change to it on
/// purpose.
struct OverlayLint {
    let pack: Pack

    func problems(of exercise: Exercise) -> [String] {
        guard let module = pack.modules.first(where: { $0.id == exercise.moduleID }) else { return [] }
        guard let own = try? pack.ownStarterFiles(of: exercise) else { return [] }
        var problems: [String] = []
        let starter = "Lessons/\(exercise.relativePath)/Starter"
        if module.starters == .overlays {
            for (path, data) in own.sorted(by: { $0.key < $1.key })
            where !path.hasSuffix(Pack.patchSuffix) && Self.startsWithGivenLine(data) {
                problems.append(
                    "\(starter)/\(path) starts with a hand-written \"// Given:\" line; remove it: "
                        + "the runner writes the standard header on every given file.")
            }
        } else {
            for (path, data) in own.sorted(by: { $0.key < $1.key })
            where !exercise.files.contains(path) && Self.startsWithGivenLine(data)
                && !data.starts(with: Data(Pack.givenFileHeader.utf8))
            {
                problems.append(
                    "\(starter)/\(path) has a given-file header that is not the standard one; its first "
                        + "line must be exactly \"\(Pack.givenFileHeader.dropLast())\".")
            }
        }
        guard let previous = pack.previousStep(of: exercise) else { return problems }
        guard let inherited = try? pack.solvedBodies(of: previous) else {
            return problems + [
                "The starter of \"\(exercise.id)\" is laid over \"\(previous.id)\" solved, which cannot be "
                    + "assembled (see the problems of \(previous.id))."
            ]
        }
        let adopt = "`backendlings dev adopt \(exercise.id) FOLDER`"
        for (path, data) in own.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(Pack.patchSuffix) {
                let target = String(path.dropLast(Pack.patchSuffix.count))
                if exercise.files.contains(target) {
                    problems.append(
                        "\(starter)/\(path) patches \(target), which the learner edits in this step; write "
                            + "the whole starter version of \(target) instead.")
                } else if let base = inherited[target],
                    let patched = try? LineDiff.apply(
                        String(decoding: data, as: UTF8.self), to: String(decoding: base, as: UTF8.self)),
                    Data(patched.utf8) == base
                {
                    problems.append("\(starter)/\(path) changes nothing in \(target); delete it.")
                }
                continue
            }
            guard !exercise.files.contains(path), let earlier = inherited[path],
                !exercise.removes.contains(path)
            else { continue }
            if earlier == data {
                problems.append(
                    "\(starter)/\(path) is identical to the file it overrides (\(previous.id) solved); "
                        + "delete it: it is inherited.")
            } else {
                problems.append(
                    "\(starter)/\(path) replaces \(path) of \(previous.id) solved as a whole file; write "
                        + "what this step changes as \(path)\(Pack.patchSuffix) (\(adopt) does it), or "
                        + "delete the file to inherit it.")
            }
        }
        for path in exercise.removes where inherited[path] == nil {
            problems.append(
                "\"removes\" of exercise \"\(exercise.id)\" lists \"\(path)\", but \(previous.id) solved has "
                    + "no such file.")
        }
        for path in exercise.removes where own[path] != nil || own[path + Pack.patchSuffix] != nil {
            problems.append(
                "\"removes\" of exercise \"\(exercise.id)\" lists \"\(path)\", but \(starter) has a "
                    + "file for it too; remove one of the two.")
        }
        return problems
    }

    private static func startsWithGivenLine(_ data: Data) -> Bool {
        data.starts(with: Data("// Given:".utf8))
    }
}
