import Foundation

/// What every event loop of one server shares: the routing table, the configuration, the logger,
/// the connection count and whether the server is shutting down.
final class ServerContext: @unchecked Sendable {
    // @unchecked Sendable: the connection counts and `draining` are guarded by `lock`.
    let table: RouteTable
    let configuration: ServerConfiguration
    let logger: Logger
    /// The configured clock when it is not the plain system clock; `nil` keeps requests light.
    let customClock: ServerClock?
    private let lock = NSLock()
    private var openConnections = 0
    private var lingeringConnections = 0
    private var draining = false

    init(table: RouteTable, configuration: ServerConfiguration) {
        self.table = table
        self.configuration = configuration
        self.logger = configuration.logger
        self.customClock = configuration.clock.isRealTime ? nil : configuration.clock
    }

    var isDraining: Bool { lock.withLock { draining } }

    func beginDraining() { lock.withLock { draining = true } }

    var connectionCount: Int { lock.withLock { openConnections } }

    /// Connections still doing work: open ones that are not merely draining a finished exchange.
    /// Shutdown waits for these only.
    var busyConnectionCount: Int { lock.withLock { openConnections - lingeringConnections } }

    func connectionStartedLingering() { lock.withLock { lingeringConnections += 1 } }

    /// Counts a new connection unless the limit is reached or the server is shutting down.
    func tryOpenConnection() -> Bool {
        lock.withLock {
            guard !draining, openConnections < configuration.limits.maxConnections else { return false }
            openConnections += 1
            return true
        }
    }

    func connectionClosed(wasLingering: Bool) {
        lock.withLock {
            openConnections -= 1
            if wasLingering { lingeringConnections -= 1 }
        }
    }
}
