import Foundation
import Grader

/// A loaded, checked lesson pack: the manifest's contents plus where the pack lives.
///
/// Load one with `Pack.load(from:)`; once you hold a `Pack`, every folder and file the manifest names
/// has been found on disk, so the path accessors below point at things that exist (solutions
/// excepted: they are checked by the dev check, not at load time).
public struct Pack: Sendable {
    /// The newest `formatVersion` of `pack.json` this build understands.
    public static let supportedFormatVersion = 1

    /// The folder holding `Lessons/` and `Solutions/`.
    public var root: URL
    public var name: String
    public var formatVersion: Int
    public var modules: [Module]
    /// The languages the pack is written in (`"languages"` in pack.json; English always). The dev
    /// check requires every text in each of them, and reports each one missing or stale.
    public var languages: [Language]

    /// True for the checkout's own lessons (the pack at `home`), as opposed to one chosen with
    /// `--pack`: only the built-in pack may build in the checkout's `.build`, where another pack's
    /// ids could clash with its own.
    public func isBuiltIn(home: URL) -> Bool {
        FileSystem.canonicalPath(root) == FileSystem.canonicalPath(home)
    }

    public init(
        root: URL, name: String, formatVersion: Int, modules: [Module], languages: [Language] = [.en]
    ) {
        self.root = root
        self.name = name
        self.formatVersion = formatVersion
        self.modules = modules
        self.languages = languages
    }

    /// Every exercise in the order the learner meets them.
    public var exercises: [Exercise] { modules.flatMap(\.exercises) }

    public var lessonsFolder: URL { root.appendingPathComponent("Lessons", isDirectory: true) }
    public var manifestFile: URL { lessonsFolder.appendingPathComponent("pack.json") }
    public var solutionsFolder: URL { root.appendingPathComponent("Solutions", isDirectory: true) }

    /// `Lessons/<module path>/`.
    public func folder(of module: Module) -> URL {
        lessonsFolder.appendingPathComponent(module.path, isDirectory: true)
    }

    /// `Lessons/<module path>/README.md`, the module's introduction (optional on disk).
    public func introduction(of module: Module) -> URL {
        folder(of: module).appendingPathComponent("README.md")
    }

    /// `Lessons/<module path>/Tests/`, the hidden tests compiled into the module's grader.
    public func testsFolder(of module: Module) -> URL {
        folder(of: module).appendingPathComponent("Tests", isDirectory: true)
    }

    /// `Lessons/<module path>/<exercise path>/`.
    public func folder(of exercise: Exercise) -> URL {
        lessonsFolder.appendingPathComponent(exercise.relativePath, isDirectory: true)
    }

    /// `Lessons/<module path>/<exercise path>/README.md`, the lesson text.
    public func lessonText(of exercise: Exercise) -> URL {
        folder(of: exercise).appendingPathComponent("README.md")
    }

    /// `Lessons/<module path>/<exercise path>/Starter/`, copied into the workspace.
    public func starterFolder(of exercise: Exercise) -> URL {
        folder(of: exercise).appendingPathComponent("Starter", isDirectory: true)
    }

    /// `Solutions/<module path>/<exercise path>/`, the reference versions of the exercise's `files`.
    public func solutionFolder(of exercise: Exercise) -> URL {
        solutionsFolder.appendingPathComponent(exercise.relativePath, isDirectory: true)
    }
}
