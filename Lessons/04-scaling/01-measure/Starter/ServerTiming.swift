import BackendKit
import Foundation
import Synchronization

/// What one request has spent in the database so far: how long, in how many statements.
final class RequestTimings: Sendable {
    /// The timings of the request this task is answering; `nil` outside a request.
    @TaskLocal static var current: RequestTimings?

    struct Spent: Sendable {
        var duration: Duration = .zero
        var statements = 0
    }

    // A handler may run statements from more than one thread; the Mutex keeps each addition whole.
    private let spent = Mutex(Spent())

    func addStatement(taking duration: Duration) {
        // TODO(learner): inside spent.withLock { … }, add `duration` to the time spent and one to
        // the number of statements.
    }

    var database: Spent { spent.withLock { $0 } }
}

/// Runs one database call (LinkStore wraps each statement in it) and adds its time to the
/// current request's `db` metric.
func timeDatabase<T>(_ body: () throws -> T) rethrows -> T {
    // TODO(learner): measure `body` with a ContinuousClock and add the time to
    // RequestTimings.current (when there is one). Return what `body` returns.
    try body()
}

/// The outermost middleware: times every request and tells the client in a `Server-Timing`
/// header, for example `Server-Timing: app;dur=12.4, db;dur=9.8;desc="3 statements"`.
let serverTiming: Middleware = { request, next in
    // TODO(learner):
    // 1. Note the time (ContinuousClock) and make a RequestTimings for this request.
    // 2. Call next(request) with RequestTimings.$current bound to it, so timeDatabase finds it.
    // 3. Turn a thrown HTTPError into its response, so 404s and 422s get the header too.
    // 4. Add the header: app = the whole request, db = the database part, both in milliseconds.
    try await next(request)
}
