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
        spent.withLock {
            $0.duration += duration
            $0.statements += 1
        }
    }

    var database: Spent { spent.withLock { $0 } }
}

/// Runs one database call (LinkStore wraps each statement in it) and adds its time to the
/// current request's `db` metric.
func timeDatabase<T>(_ body: () throws -> T) rethrows -> T {
    guard let timings = RequestTimings.current else { return try body() }
    let clock = ContinuousClock()
    let started = clock.now
    // `defer`: a statement that fails took time too.
    defer { timings.addStatement(taking: clock.now - started) }
    return try body()
}

/// The outermost middleware: times every request and tells the client in a `Server-Timing`
/// header, for example `Server-Timing: app;dur=12.4, db;dur=9.8;desc="3 statements"`.
let serverTiming: Middleware = { request, next in
    let clock = ContinuousClock()
    let started = clock.now
    let timings = RequestTimings()
    var response: Response
    do {
        response = try await RequestTimings.$current.withValue(timings) { try await next(request) }
    } catch let error as HTTPError {
        response = error.response(instance: request.path)
    } catch {
        request.logger.error("Unhandled error in \(request.method) \(request.path): \(error)")
        response = HTTPError(
            .internalServerError,
            detail: "Something went wrong on the server. Quote request id \(request.id) when you report it.",
            extensions: ["requestId": .string(request.id)]
        ).response(instance: request.path)
    }
    let database = timings.database
    response.headers["Server-Timing"] =
        "app;dur=\(milliseconds(clock.now - started)), "
        + "db;dur=\(milliseconds(database.duration));desc=\"\(database.statements) statements\""
    return response
}

/// Server-Timing durations are milliseconds; three decimals keep a 40-microsecond statement from
/// reading as 0.
private func milliseconds(_ duration: Duration) -> String {
    String(format: "%.3f", duration / .milliseconds(1))
}
