import Foundation
import Grader

/// How many points each exercise's hidden checks are worth (one per check unless a check says
/// otherwise): what an exercise scores when everything passes. Asked of the module graders
/// themselves (`--list-checks`), so the number can never drift from the checks.
public struct ExerciseCheckCounts: Sendable {
    public let pack: Pack
    public let home: URL

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    /// Builds each module's grader when needed, then reads its points per exercise. An exercise the
    /// grader has no checks for is left out.
    public func points(onProgress: @escaping @Sendable (String) -> Void = { _ in }) throws -> [String: Int] {
        let builder = GraderBuilder(pack: pack, home: home)
        var points: [String: Int] = [:]
        for module in pack.modules where !module.exercises.isEmpty {
            let grader = try builder.ensureBuilt(module, onProgress: onProgress)
            let (status, output) = try ChildProcess.run(
                executable: grader.path, arguments: ["--list-checks"], timeout: .seconds(30))
            guard status.isSuccess, let data = output.text.data(using: .utf8),
                let listed = try? JSONDecoder().decode([String: Int].self, from: data)
            else {
                throw ClassroomError.graderListing(module: module.id, output: output.text)
            }
            for exercise in module.exercises {
                if let value = listed[exercise.id] { points[exercise.id] = value }
            }
        }
        return points
    }
}

/// Why `dev classroom` could not write the workflow.
public enum ClassroomError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A grader did not answer `--list-checks` with its points.
    case graderListing(module: String, output: String)
    /// The exercise has no hidden checks, so it cannot be graded.
    case noChecks(exercise: String)
    /// The output folder does not exist.
    case noFolder(path: String)

    public var description: String {
        switch self {
        case .graderListing(let module, let output):
            "The grader of module \(module) did not list its checks (is it built from this checkout?). It said:\n"
                + output
        case .noChecks(let exercise):
            "The exercise \(exercise) has no hidden checks, so the workflow cannot grade it. Add its tests "
                + "to its module's Tests/main.swift, then run dev classroom again."
        case .noFolder(let path):
            "\(path) does not exist. Give the folder of your template repository (a copy of this checkout)."
        }
    }
}
