import BackendKit
import Foundation
import Synchronization

/// Clicks on their way from the redirect to the database. A redirect only puts its click here, so
/// it answers at once even while another request holds the database's write lock; a background
/// job writes the waiting clicks every few seconds, and once more before the server exits, so a
/// restart loses none.
///
/// At most `capacity` clicks wait. When the queue is full, the redirect writes its own click: it
/// is slower then, but every click is counted, and memory stays bounded however long the
/// database is slow.
final class ClickQueue: Sendable {
    /// The most clicks one write takes, so one write never holds the database for long.
    static let batchLimit = 500

    let capacity: Int
    private let write: @Sendable ([Click]) throws -> Void
    /// Redirects on every event loop add to it while the writer takes from it: a Mutex keeps each
    /// change whole.
    private let waiting = Mutex<[Click]>([])
    private let writer = Mutex<BackgroundJob?>(nil)

    /// `write` stores clicks in the database (LinkStore.recordClicks).
    init(capacity: Int, write: @escaping @Sendable ([Click]) throws -> Void) {
        self.capacity = capacity
        self.write = write
    }

    /// How many clicks wait to be written.
    var count: Int { waiting.withLock { $0.count } }

    /// Takes the click of one redirect. Called on the request's event loop: it must not wait for
    /// the database, except when the queue is full.
    func record(_ click: Click) throws {
        // TODO(learner): append the click to `waiting` (inside waiting.withLock) when fewer than
        // `capacity` wait, and return without touching the database. When the queue is full,
        // write this one click yourself with write([click]): never drop it, never keep it.
        // (Optional: when `batchLimit` clicks wait, writer.withLock { $0 }?.runNow().)
        // For now the redirect writes its click at once and waits for the database, as before.
        try write([click])
    }

    /// Writes every waiting click, oldest first, a batch at a time; returns how many it wrote.
    /// Only the writer job (and the exit hook, after the job stopped) calls it, so no two flushes
    /// run at once.
    @discardableResult
    func flush() throws -> Int {
        // TODO(learner): until `waiting` is empty, copy the first `batchLimit` clicks (inside the
        // lock), write them with write(batch) (outside the lock: writing takes time), then remove
        // exactly those from `waiting`. Removing them only after the write succeeded keeps them for
        // the next run when it fails.
        0
    }

    /// Registers the writer on the server: a job that flushes every `interval`, and a flush before
    /// the server exits (after the last request was answered), so no click is lost on SIGTERM.
    func start(on server: Server, every interval: Duration) {
        // TODO(learner): server.every(interval, "write clicks") { … flush() … }, keep the job in
        // `writer`, and server.beforeExit("write the last clicks") { … flush() … }.
    }
}
