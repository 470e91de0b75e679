import Foundation

/// `backendlings dev new MODULE EXERCISE`: scaffolds an exercise that `dev check` accepts once its
/// lesson, starter, solution and tests are filled in. Creates the folders, registers the exercise in
/// pack.json and its tests in the module's `Tests/main.swift`; never overwrites a file.
public struct DevNew: Sendable {
    public let pack: Pack

    public init(pack: Pack) { self.pack = pack }

    public struct Created: Sendable {
        public var exerciseID: String
        public var files: [String]
    }

    public func run(module moduleID: String, exercise id: String) throws -> Created {
        guard let moduleIndex = pack.modules.firstIndex(where: { $0.id == moduleID }) else {
            let known = pack.modules.map(\.id).joined(separator: ", ")
            throw DevNewError("There is no module \"\(moduleID)\" in pack.json. Modules: \(known).")
        }
        guard id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw DevNewError(
                "\"\(id)\" is not a valid exercise id: use lowercase letters, digits and -, starting with a letter (for example db11-views)."
            )
        }
        guard
            !pack.exercises.contains(where: { $0.id == id }) && !pack.modules.contains(where: { $0.id == id })
        else {
            throw DevNewError("The id \"\(id)\" is already used in pack.json.")
        }
        let module = pack.modules[moduleIndex]
        let path = Self.folderName(for: id, position: module.exercises.count + 1)
        let exerciseFolder = pack.folder(of: module).appendingPathComponent(path)
        guard !FileSystem.exists(exerciseFolder) else {
            throw DevNewError("Lessons/\(module.path)/\(path) already exists; nothing was changed.")
        }
        let testName = Self.swiftName(for: id)
        let testFile = pack.testsFolder(of: module).appendingPathComponent("\(path).swift")
        let mainFile = pack.testsFolder(of: module).appendingPathComponent("main.swift")
        let main = try String(contentsOf: mainFile, encoding: .utf8)
        guard let listEnd = main.range(of: "])", options: .backwards) else {
            throw DevNewError(
                "Lessons/\(module.path)/Tests/main.swift has no `GraderMain.run([...])` list to add the tests to."
            )
        }

        var files: [(URL, String)] = [
            (exerciseFolder.appendingPathComponent("README.md"), ScaffoldTemplates.readme(id: id)),
            (exerciseFolder.appendingPathComponent("Starter/main.swift"), ScaffoldTemplates.main),
            (exerciseFolder.appendingPathComponent("Starter/Routes.swift"), ScaffoldTemplates.starterRoutes),
            (
                pack.solutionsFolder.appendingPathComponent("\(module.path)/\(path)/Routes.swift"),
                ScaffoldTemplates.solutionRoutes
            ),
            (testFile, ScaffoldTemplates.tests(id: id, name: testName)),
        ]
        for (url, _) in files where FileSystem.exists(url) {
            throw DevNewError("\(url.path) already exists; nothing was changed.")
        }
        let before = main[..<listEnd.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let separator = before.hasSuffix("[") ? "" : ", "
        let newMain =
            String(main[..<listEnd.lowerBound]).replacingOccurrences(
                of: "\\s+$", with: "", options: .regularExpression)
            + separator + testName + String(main[listEnd.lowerBound...])
        files.append((mainFile, newMain))

        var modules = pack.modules
        modules[moduleIndex].exercises.append(
            Exercise(
                id: id, title: "TODO: a title a learner understands", path: path, files: ["Routes.swift"],
                hints: [
                    "TODO: a first nudge toward the idea.", "TODO: a last hint that nearly gives the answer.",
                ],
                moduleID: module.id, modulePath: module.path))
        files.append(
            (
                pack.manifestFile,
                ManifestWriter.render(
                    Pack(
                        root: pack.root, name: pack.name, formatVersion: pack.formatVersion, modules: modules)
                )
            ))

        for (url, text) in files {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileSystem.writeAtomically(text, to: url)
        }
        return Created(
            exerciseID: id,
            files: files.map { FileSystem.relativePath(of: $0.0, inside: pack.root) ?? $0.0.path })
    }

    /// `db11-views` at position 11 becomes `11-views`; other ids get the position in front.
    static func folderName(for id: String, position: Int) -> String {
        let number = position < 10 ? "0\(position)" : "\(position)"
        if let dash = id.firstIndex(of: "-"), id[..<dash].contains(where: \.isNumber) {
            return number + "-" + id[id.index(after: dash)...]
        }
        return number + "-" + id
    }

    /// `db11-views` becomes `db11Views`, a Swift identifier for the tests' constant.
    static func swiftName(for id: String) -> String {
        let parts = id.split(separator: "-")
        return parts.enumerated().map {
            $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst()
        }.joined()
    }
}

public struct DevNewError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
