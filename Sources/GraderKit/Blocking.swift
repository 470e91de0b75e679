import Foundation

/// Runs async work from a check's thread and waits for it.
///
/// Checks run on their own threads (never on Swift's cooperative pool), so blocking one here cannot
/// starve the tasks it waits for.
func blocking<T: Sendable, E: Error>(_ work: @escaping @Sendable () async throws(E) -> T) throws(E) -> T {
    let box = ResultBox<T, E>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do throws(E) {
            box.result = .success(try await work())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

private final class ResultBox<T, E: Error>: @unchecked Sendable {
    var result: Result<T, E>?
}
