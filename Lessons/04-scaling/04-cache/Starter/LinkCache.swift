import BackendKit
import Foundation
import Synchronization

/// Keeps recently used links in memory, so the redirect of a hot code does not read the database
/// every time. Cache-aside: look in memory first; on a miss, read the store and remember the link.
/// An entry is trusted for `timeToLive`; when the cache is full, the least recently used entry goes.
final class LinkCache: Sendable {
    let store: LinkStore
    let capacity: Int
    let timeToLive: TimeInterval

    // TODO(learner): keep the entries (link, when it expires, when it was last used) in a
    // Mutex(...): handlers run on several threads at once, so every read and change holds the lock.

    init(store: LinkStore, capacity: Int, timeToLive: TimeInterval) {
        self.store = store
        self.capacity = capacity
        self.timeToLive = timeToLive
    }

    /// The link with this code: from memory while it is fresh, otherwise from the store (and then
    /// remembered). `now` is the server's clock (`request.now`), so the grader can move it.
    func find(code: String, now: Date) throws -> Link? {
        // TODO(learner):
        // 1. A fresh entry (now before its expiry) is a hit: mark it as just used and return it.
        // 2. Otherwise read the store. Remember what it found, with expiry now + timeToLive.
        // 3. Over `capacity` entries? Remove the least recently used one.
        try store.find(code: code)
    }

    /// Forgets a code whose link changed or was deleted, so the next redirect reads the new one.
    func invalidate(code: String) {
        // TODO(learner): remove the entry for this code.
    }
}
