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
        let waitingNow = waiting.withLock { clicks -> Int? in
            guard clicks.count < capacity else { return nil }
            clicks.append(click)
            return clicks.count
        }
        guard let waitingNow else {
            // Full: the database is slower than the clicks arrive. Write this one here rather than
            // drop it (a lost click) or keep it (a queue without a bound).
            try write([click])
            return
        }
        if waitingNow >= Self.batchLimit {
            writer.withLock { $0 }?.runNow()  // a whole batch is ready: do not wait for the timer
        }
    }

    /// Writes every waiting click, oldest first, a batch at a time; returns how many it wrote.
    /// A batch leaves the queue only once it is written, so a failed write keeps its clicks for the
    /// next run. Only the writer job (and the exit hook, after the job stopped) calls it, so no two
    /// flushes run at once.
    @discardableResult
    func flush() throws -> Int {
        var written = 0
        while true {
            let batch = waiting.withLock { Array($0.prefix(Self.batchLimit)) }
            guard !batch.isEmpty else { return written }
            try write(batch)
            waiting.withLock { $0.removeFirst(batch.count) }
            written += batch.count
        }
    }

    /// Registers the writer on the server: a job that flushes every `interval`, and a flush before
    /// the server exits (after the last request was answered), so no click is lost on SIGTERM.
    func start(on server: Server, every interval: Duration) {
        let job = server.every(interval, "write clicks") { [self] in try flush() }
        writer.withLock { $0 = job }
        server.beforeExit("write the last clicks") { [self] in try flush() }
    }
}
