import Foundation
import Grader
import Synchronization

/// The progress page of one watch session (the `p` key): its server starts the first time the
/// learner asks, every later ask gets the same server and address, and `stop()` ends it with the
/// session, so watch mode never leaves a server behind.
public final class SessionProgressPage: Sendable {
    private let pack: Pack
    private let store: ProgressStore
    private let port: Int
    private let server = Mutex<ProgressPageServer?>(nil)

    /// `port` 0 picks any free port.
    public init(pack: Pack, store: ProgressStore, port: Int = 0) {
        self.pack = pack
        self.store = store
        self.port = port
    }

    /// The page's address, starting its server on the first call. When the port cannot be used it
    /// throws, and the next call tries again.
    public func url() throws -> String {
        try server.withLock { running throws -> String in
            if let url = running?.url { return url }
            let started = ProgressPageServer(pack: pack, store: store, port: port)
            let chosen = try started.start()
            running = started
            return started.url ?? "http://\(ProgressPageServer.host):\(chosen)/"
        }
    }

    /// The address while the server runs.
    public var runningURL: String? { server.withLock { $0?.url } }

    /// Stops the server (if it was started); a later `url()` starts a new one.
    public func stop() {
        let stopping = server.withLock { running -> ProgressPageServer? in
            defer { running = nil }
            return running
        }
        stopping?.shutdown()
    }
}
