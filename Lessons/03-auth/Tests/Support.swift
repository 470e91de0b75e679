import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Auth module's hidden tests.
enum Accounts {
    /// The PBKDF2 cost every check but the one about the default runs with: real work, but fast
    /// enough that a whole exercise is graded in seconds.
    static let fastIterations = 1_000

    /// Starts the learner's server with the fast password cost and the grader's JWT secret (from
    /// step 6 on, the server refuses to start without one); `environment` may set either itself.
    static func start(_ t: TestContext, environment: [String: String] = [:]) throws {
        try t.startServer(
            environment: environment.merging(
                ["PASSWORD_ITERATIONS": String(fastIterations), "JWT_SECRET": JWTs.secret]
            ) { given, _ in given })
    }

    /// A sign-up body.
    static func credentials(_ email: String, _ password: String) -> JSONValue {
        .object(["email": .string(email), "password": .string(password)])
    }
}
