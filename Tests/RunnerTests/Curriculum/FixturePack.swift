import Foundation
import Testing

@testable import Runner

/// Runs `body` with a fresh, empty temporary folder (canonical path) and removes it afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let created = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "runner-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    let url = URL(fileURLWithPath: FileSystem.canonicalPath(created), isDirectory: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// `withTemporaryDirectory` for a test that awaits (its blocking work runs `offThePool`).
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let created = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "runner-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    let url = URL(fileURLWithPath: FileSystem.canonicalPath(created), isDirectory: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}

/// Writes `text` to `url`, creating parent folders.
func writeFixture(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The text of a file, or nil when it is missing.
func fileText(of url: URL) -> String? {
    (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
}

/// A small lesson pack built on disk by the tests: two modules, three exercises, with starters,
/// hidden-test folders and solutions. Its root is also a Backendlings "home" (Package.swift and
/// Sources/BackendKit), so a workspace inside it depends on it by a relative path.
struct FixturePack {
    struct ExerciseSpec {
        var id: String
        var path: String
        var title: String
        var file: String
        var hints: [String]
    }

    struct ModuleSpec {
        var id: String
        var path: String
        var title: String
        var exercises: [ExerciseSpec]
    }

    static let defaultModules = [
        ModuleSpec(
            id: "databases", path: "01-databases", title: "Databases",
            exercises: [
                ExerciseSpec(
                    id: "db01-schema", path: "01-schema", title: "Create the books table",
                    file: "BookStore.swift",
                    hints: ["Look at CREATE TABLE.", "Columns need types.", "id INTEGER PRIMARY KEY"]),
                ExerciseSpec(
                    id: "db02-queries", path: "02-queries", title: "Query the books", file: "Queries.swift",
                    hints: ["Use SELECT."]),
            ]),
        ModuleSpec(
            id: "auth", path: "02-auth", title: "Accounts",
            exercises: [
                ExerciseSpec(
                    id: "auth01-passwords", path: "01-passwords", title: "Hash passwords",
                    file: "Passwords.swift",
                    hints: ["Never store the password.", "Use a salt."])
            ]),
    ]

    var root: URL
    var modules: [ModuleSpec]

    /// Creates the pack's files under `root` and returns it.
    @discardableResult
    static func create(at root: URL, modules: [ModuleSpec] = defaultModules) throws -> FixturePack {
        let pack = FixturePack(root: root, modules: modules)
        try writeFixture("// swift-tools-version:6.0\n", to: root.appendingPathComponent("Package.swift"))
        try writeFixture(
            "public enum BackendKit {}\n",
            to: root.appendingPathComponent("Sources/BackendKit/BackendKit.swift"))
        try pack.writeFiles()
        return pack
    }

    /// Rewrites the manifest and adds any missing lesson files (used to simulate a pack update).
    func writeFiles() throws {
        try writeFixture(manifest, to: root.appendingPathComponent("Lessons/pack.json"))
        for module in modules {
            let moduleFolder = root.appendingPathComponent("Lessons/\(module.path)")
            try writeFixture("# \(module.title)\n", to: moduleFolder.appendingPathComponent("README.md"))
            try writeFixture("// hidden tests\n", to: moduleFolder.appendingPathComponent("Tests/main.swift"))
            for exercise in module.exercises {
                let folder = moduleFolder.appendingPathComponent(exercise.path)
                try writeFixture("# \(exercise.title)\n", to: folder.appendingPathComponent("README.md"))
                try writeFixture(
                    "print(\"\(exercise.id)\")\n", to: folder.appendingPathComponent("Starter/main.swift"))
                try writeFixture(
                    "// TODO(learner): \(exercise.title)\n",
                    to: folder.appendingPathComponent("Starter/\(exercise.file)"))
                try writeFixture(
                    "// solved: \(exercise.title)\n",
                    to: root.appendingPathComponent(
                        "Solutions/\(module.path)/\(exercise.path)/\(exercise.file)"))
            }
        }
    }

    var manifest: String {
        let moduleTexts = modules.map { module in
            let exerciseTexts = module.exercises.map { exercise in
                let hints = exercise.hints.map { "\"\($0)\"" }.joined(separator: ", ")
                return """
                            {
                              "id": "\(exercise.id)",
                              "title": "\(exercise.title)",
                              "path": "\(exercise.path)",
                              "files": ["\(exercise.file)"],
                              "hints": [\(hints)]
                            }
                    """
            }
            return """
                    {
                      "id": "\(module.id)",
                      "title": "\(module.title)",
                      "path": "\(module.path)",
                      "exercises": [
                \(exerciseTexts.joined(separator: ",\n"))
                      ]
                    }
                """
        }
        return """
            {
              "formatVersion": 1,
              "name": "Fixture",
              "modules": [
            \(moduleTexts.joined(separator: ",\n"))
              ]
            }

            """
    }

    /// The default modules as a `Pack` that exists only in memory, for tests that never touch the disk.
    static func inMemory(modules: [ModuleSpec] = defaultModules) -> Pack {
        Pack(
            root: URL(fileURLWithPath: "/pack"), name: "Fixture", formatVersion: 1,
            modules: modules.map { spec in
                Module(
                    id: spec.id, title: spec.title, path: spec.path,
                    exercises: spec.exercises.map {
                        Exercise(
                            id: $0.id, title: $0.title, path: $0.path, files: [$0.file], hints: $0.hints,
                            moduleID: spec.id, modulePath: spec.path)
                    })
            })
    }

    /// The loaded pack.
    func load() throws -> Pack {
        try Pack.load(from: root)
    }
}
