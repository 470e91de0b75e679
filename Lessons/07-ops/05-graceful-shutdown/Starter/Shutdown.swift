import BackendKit
import Dispatch
import Foundation

/// The server's whole life: start, serve until SIGTERM (or Ctrl-C), then stop in order so that no
/// request, no write and no promise is lost. `main.swift` exits with the status it returns.
enum Shutdown {
    static func serve(
        _ server: Server, host: String, settings: ShutdownSettings, readiness: HealthRoutes,
        inFlight: InFlightRequests, database: Database
    ) -> Int32 {
        let logger = Logger.fromEnvironment()
        // TODO(learner): catch SIGTERM and SIGINT before starting. For each: signal(number, SIG_IGN),
        // then a DispatchSource.makeSignalSource(signal: number, queue: .global()) whose event handler
        // only wakes the main thread (a DispatchSemaphore). Never exit in the handler.
        let port: Int
        do {
            port = try server.start()
        } catch {
            logger.error("The server could not start: \(error)")
            return 1
        }
        StartupLine.announce(host: host, port: port)

        // TODO(learner): wait for the signal here, then, in this order:
        // 1. readiness.beginDraining(), and wait settings.drain while the server still serves;
        // 2. server.shutdown(grace: settings.grace): no new connections, requests in progress finish;
        // 3. when inFlight.count is still above 0, requests were abandoned: log it and return 1;
        // 4. checkpoint the database: PRAGMA wal_checkpoint(TRUNCATE), and return 0.
        server.waitUntilStopped()
        return 0
    }
}
