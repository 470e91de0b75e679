import BackendKit
import Foundation
import Synchronization

/// Counts the requests being answered right now: a middleware adds one when a request arrives and
/// takes it off when its answer is ready. After a shutdown, a count above 0 means requests were
/// abandoned at the deadline.
final class InFlightRequests: Sendable {
    private let running = Mutex(0)

    var count: Int { running.withLock { $0 } }

    func register(on router: Router) {
        router.use { [self] request, next in
            running.withLock { $0 += 1 }
            defer { running.withLock { $0 -= 1 } }
            return try await next(request)
        }
    }
}
