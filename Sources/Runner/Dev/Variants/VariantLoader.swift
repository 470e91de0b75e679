import Foundation

/// Reads an exercise's `Variants/` folder and holds each variant to the rules that keep it a real
/// test of the hidden checks: a well-formed `variant.json`, replacement files that replace files the
/// solved copy has (or are declared as additions), and a change to the solution at all.
///
/// Whether `caughtBy` names a real check is judged later, with the check names of a grading run
/// (see `VariantVerdict`).
struct VariantLoader {
    let pack: Pack

    struct Loaded {
        var variants: [Variant] = []
        /// One sentence per problem, each naming the file or folder to fix.
        var problems: [String] = []
    }

    /// `Solutions/<module path>/<exercise path>/Variants/`.
    func folder(of exercise: Exercise) -> URL {
        pack.solutionFolder(of: exercise).appendingPathComponent(Variant.folderName, isDirectory: true)
    }

    /// The exercise's variants in name order. `solved` is the exercise's solved copy, or nil when it
    /// cannot be assembled (its problems are reported elsewhere; the file rules are skipped then).
    func load(_ exercise: Exercise, solved: [String: Data]?) -> Loaded {
        let root = folder(of: exercise)
        guard FileSystem.isDirectory(root) else { return Loaded() }
        var loaded = Loaded()
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        for name in entries {
            let shown = Variant.shownFolder(of: exercise, name: name)
            guard FileSystem.isDirectory(root.appendingPathComponent(name)) else {
                loaded.problems.append(
                    "\(shown) is not a variant: each variant is a folder holding \(Variant.descriptionFile) "
                        + "and the files it replaces.")
                continue
            }
            guard ManifestDecoder.isValidID(name) else {
                loaded.problems.append(
                    "\(shown): a variant's folder name must be lowercase letters, digits and '-', starting "
                        + "with a letter (it names a build target).")
                continue
            }
            switch variant(named: name, of: exercise, solved: solved) {
            case .success(let variant): loaded.variants.append(variant)
            case .failure(let problems): loaded.problems += problems.list
            }
        }
        loaded.problems += duplicates(among: loaded.variants, solved: solved)
        return loaded
    }

    struct Problems: Error { var list: [String] }

    /// A variant file ending in this is a patch of the solved file it names.
    static let patchSuffix = ".patch"

    private func variant(named name: String, of exercise: Exercise, solved: [String: Data]?)
        -> Result<Variant, Problems>
    {
        let folder = folder(of: exercise).appendingPathComponent(name, isDirectory: true)
        let shown = Variant.shownFolder(of: exercise, name: name)
        let description: VariantDescription
        do {
            description = try VariantDescription.read(
                folder.appendingPathComponent(Variant.descriptionFile),
                shown: "\(shown)/\(Variant.descriptionFile)")
        } catch {
            return .failure(Problems(list: [error.description]))
        }
        var files: [String: Data] = [:]
        for path in FileSystem.relativeFiles(below: folder).sorted() where path != Variant.descriptionFile {
            let data = (try? FileSystem.readFile(folder.appendingPathComponent(path))) ?? Data()
            // `X.swift.patch` changes the solved X.swift by a unified diff, as an overlay step
            // does, so a one-line mistake in a long file is written as one line.
            guard path.hasSuffix(Self.patchSuffix), let solved else {
                files[path] = data
                continue
            }
            let target = String(path.dropLast(Self.patchSuffix.count))
            guard let base = solved[target] else {
                return .failure(
                    Problems(list: [
                        "\(shown)/\(path) patches \(target), which the solved copy does not have."
                    ]))
            }
            do {
                let patched = try LineDiff.apply(
                    String(decoding: data, as: UTF8.self), to: String(decoding: base, as: UTF8.self))
                files[target] = Data(patched.utf8)
            } catch {
                return .failure(
                    Problems(list: ["\(shown)/\(path) does not apply to the solved \(target): \(error)"]))
            }
        }
        let variant = Variant(
            exercise: exercise, name: name, description: description.description,
            caughtBy: description.caughtBy, files: files, adds: description.adds)
        let problems = solved.map { fileProblems(variant, solved: $0) } ?? []
        return problems.isEmpty ? .success(variant) : .failure(Problems(list: problems))
    }

    /// The rules that need the solved copy: what each file replaces, and that something changes.
    private func fileProblems(_ variant: Variant, solved: [String: Data]) -> [String] {
        let shown = variant.shownFolder
        guard !variant.files.isEmpty else {
            return [
                "\(shown) has no replacement file: put the file with the mistake (named as in the solved "
                    + "copy, for example \(variant.exercise.files[0])) beside \(Variant.descriptionFile)."
            ]
        }
        var problems: [String] = []
        for path in variant.adds where solved[path] != nil {
            problems.append(
                "\(shown)/\(Variant.descriptionFile): adds: the solved copy of \(variant.exercise.id) already "
                    + "has \(path); a file of that name replaces it, so remove it from \"adds\".")
        }
        for path in variant.adds where variant.files[path] == nil {
            problems.append(
                "\(shown)/\(Variant.descriptionFile): adds: \"\(path)\" is not in \(shown).")
        }
        let assembled = variant.assembled(over: solved)
        for path in variant.files.keys.sorted() {
            if solved[path] == nil {
                if variant.adds.contains(path) { continue }
                let known = solved.keys.sorted().joined(separator: ", ")
                problems.append(
                    "\(shown)/\(path) replaces nothing: the solved copy of \(variant.exercise.id) has no "
                        + "\(path) (it has \(known)). Name the file as in the solved copy, or list it in "
                        + "\"adds\" of \(Variant.descriptionFile) to add a new file.")
            } else if assembled[path] == solved[path] && variant.files.count > 1 {
                problems.append(
                    "\(shown)/\(path) is the same as \(path) of the solved copy; delete it from the variant.")
            }
        }
        if problems.isEmpty && assembled == solved {
            problems.append(
                "\(shown) is identical to the reference solution: it must make the mistake its "
                    + "\(Variant.descriptionFile) describes.")
        }
        return problems
    }

    /// Two variants that build the same program test the same thing twice.
    private func duplicates(among variants: [Variant], solved: [String: Data]?) -> [String] {
        guard let solved else { return [] }
        var seen: [[String: Data]: Variant] = [:]
        var problems: [String] = []
        for variant in variants {
            let program = variant.assembled(over: solved)
            if let earlier = seen[program] {
                problems.append(
                    "\(variant.shownFolder) makes the same change as \(earlier.shownFolder); keep one of them."
                )
            } else {
                seen[program] = variant
            }
        }
        return problems
    }
}
