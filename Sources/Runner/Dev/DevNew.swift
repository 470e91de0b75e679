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
            throw DevError("There is no module \"\(moduleID)\" in pack.json. Modules: \(known).")
        }
        guard id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw DevError(
                "\"\(id)\" is not a valid exercise id: use lowercase letters, digits and -, starting with a letter (for example db11-views)."
            )
        }
        guard
            !pack.exercises.contains(where: { $0.id == id }) && !pack.modules.contains(where: { $0.id == id })
        else {
            throw DevError("The id \"\(id)\" is already used in pack.json.")
        }
        let module = pack.modules[moduleIndex]
        let path = Self.folderName(for: id, position: Self.nextPosition(in: module))
        let exerciseFolder = pack.folder(of: module).appendingPathComponent(path)
        guard !FileSystem.exists(exerciseFolder) else {
            throw DevError("Lessons/\(module.path)/\(path) already exists; nothing was changed.")
        }
        let testName = Self.swiftName(for: id)
        let testFile = pack.testsFolder(of: module).appendingPathComponent("\(path).swift")
        let mainFile = pack.testsFolder(of: module).appendingPathComponent("main.swift")
        let main = try String(contentsOf: mainFile, encoding: .utf8)
        guard let listEnd = main.range(of: "])", options: .backwards) else {
            throw DevError(
                "Lessons/\(module.path)/Tests/main.swift has no `GraderMain.run([...])` list to add the tests to."
            )
        }

        let step = try scaffold(id: id, in: module)
        var files: [(URL, String)] = [
            (
                exerciseFolder.appendingPathComponent("README.md"),
                ScaffoldTemplates.readme(id: id, file: step.file)
            )
        ]
        for (name, text) in step.starter {
            files.append((exerciseFolder.appendingPathComponent("Starter/\(name)"), text))
        }
        files += [
            (
                pack.solutionsFolder.appendingPathComponent("\(module.path)/\(path)/\(step.file)"),
                step.solution
            ),
            (testFile, ScaffoldTemplates.tests(id: id, name: testName, path: step.route)),
        ]
        for (url, _) in files where FileSystem.exists(url) {
            throw DevError("\(url.path) already exists; nothing was changed.")
        }
        files.append((mainFile, Self.adding(testName, toListEndingAt: listEnd, in: main)))

        var modules = pack.modules
        modules[moduleIndex].exercises.append(
            Exercise(
                id: id, title: "TODO: a title a learner understands", path: path, files: [step.file],
                hints: [
                    "TODO: a first nudge toward the idea.", "TODO: a last hint that nearly gives the answer.",
                ],
                moduleID: module.id, modulePath: module.path))
        files.append(
            (
                pack.manifestFile,
                ManifestWriter.render(
                    Pack(
                        root: pack.root, name: pack.name, formatVersion: pack.formatVersion, modules: modules,
                        languages: pack.languages)
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

    /// What the scaffold writes for one step: the learner's file and its solution, the starter's
    /// files (by name), and the route its first check requests.
    struct Step {
        var file: String
        var solution: String
        var starter: [(String, String)]
        var route: String
    }

    /// A whole little server in a module of full starters. In an overlay module the step inherits
    /// the previous step solved, so it adds one file with its own route and wires it into the
    /// inherited `main.swift` (a `main.swift.patch`) just before the server starts.
    private func scaffold(id: String, in module: Module) throws -> Step {
        guard module.starters == .overlays, let previous = module.exercises.last else {
            return Step(
                file: "Routes.swift", solution: ScaffoldTemplates.solutionRoutes,
                starter: [
                    ("main.swift", ScaffoldTemplates.main), ("Routes.swift", ScaffoldTemplates.starterRoutes),
                ],
                route: "/hello")
        }
        let feature = Self.featureName(for: id)
        let file = "\(feature).swift"
        let inherited = try pack.solvedBodies(of: previous)
        guard inherited[file] == nil else {
            throw DevError(
                "\(previous.id) already has a \(file); choose an exercise id whose last part names a new file."
            )
        }
        let route = "/" + feature.lowercased()
        var starter = [(file, ScaffoldTemplates.starterFeature(feature, route: route))]
        if let main = inherited["main.swift"].map({ String(decoding: $0, as: UTF8.self) }),
            let wired = ScaffoldTemplates.wire(feature, into: main)
        {
            starter.append(
                ("main.swift" + Pack.patchSuffix, LineDiff.unified(from: main, to: wired, name: "main.swift"))
            )
        }
        return Step(
            file: file, solution: ScaffoldTemplates.solutionFeature(feature, route: route), starter: starter,
            route: route)
    }

    /// `api11-webhooks` becomes `Webhooks`: the name of the step's new file and its function.
    static func featureName(for id: String) -> String {
        let last = id.split(separator: "-").dropFirst().joined(separator: "-")
        let name = swiftName(for: "x-" + (last.isEmpty ? id : last)).dropFirst()
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// One after the highest number a step's folder starts with (`06-migrations` → 7), so a module
    /// whose steps were not all written yet, or were renumbered, does not get a folder that is
    /// taken or out of order; the count of steps plus one when no folder is numbered.
    static func nextPosition(in module: Module) -> Int {
        let numbers = module.exercises.compactMap { Int($0.path.prefix { $0.isNumber }) }
        return (numbers.max() ?? module.exercises.count) + 1
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

    /// `main` with `testName` added at the end of its `GraderMain.run([...])` list, in the list's
    /// own layout: `[a, b]` on one line gets `, name`; one entry per line with trailing commas (what
    /// `swift format` writes) gets a line `    name,`, so the result needs no fixing by hand.
    static func adding(_ testName: String, toListEndingAt listEnd: Range<String.Index>, in main: String)
        -> String
    {
        let items = String(main[..<listEnd.lowerBound]).replacingOccurrences(
            of: "\\s+$", with: "", options: .regularExpression)
        let rest = String(main[listEnd.lowerBound...])
        if items.hasSuffix("[") { return items + testName + rest }
        if items.hasSuffix(",") { return items + "\n    " + testName + ",\n" + rest }
        return items + ", " + testName + rest
    }
}

/// A problem a pack-authoring command (`dev new`, `dev adopt`) found, in a sentence the author acts on.
public struct DevError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
