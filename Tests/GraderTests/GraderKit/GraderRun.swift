#if os(Linux)
    import Foundation
    import Grader

    @testable import GraderKit

    /// Runs checks against a `grader-fixture` mode on a thread of their own: a grading run blocks
    /// while it waits for the server.
    enum GraderRun {
        static func run(
            _ mode: String, _ checks: [Check], replayDirectory: URL? = nil
        ) async throws -> GradeReport {
            let fixture = try GraderFixture.path
            return await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    var runner = CheckRunner(
                        tests: ExerciseTests("fixture", checks: checks), serverExecutable: fixture)
                    runner.serverArguments = [mode]
                    runner.replayDirectory = replayDirectory
                    continuation.resume(returning: runner.run())
                }
            }
        }
    }
#endif
