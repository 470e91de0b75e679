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
        // The handler only wakes the main thread: the shutdown itself runs here, in order.
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)  // no longer the default "terminate at once"
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        let port: Int
        do {
            port = try server.start()
        } catch {
            logger.error("The server could not start: \(error)")
            return 1
        }
        StartupLine.announce(host: host, port: port)

        stop.wait()
        logger.info(
            "Shutdown: draining for \(settings.drain) s, then finishing requests for up to \(settings.grace)."
        )
        readiness.beginDraining()
        Thread.sleep(forTimeInterval: settings.drain)  // the load balancer sees 503 and stops sending
        server.shutdown(grace: settings.grace)
        for source in sources { source.cancel() }
        let abandoned = inFlight.count
        guard abandoned == 0 else {
            logger.error(
                "Shutdown: \(abandoned) request(s) still running after \(settings.grace) were abandoned.")
            return 1
        }
        do {
            let checkpoint = try database.queryOne("PRAGMA wal_checkpoint(TRUNCATE)")
            guard try checkpoint?.int("busy") == 0 else {
                logger.error("Shutdown: the database was busy; its write-ahead log was not checkpointed.")
                return 1
            }
        } catch {
            logger.error("Shutdown: the database could not be checkpointed: \(error)")
            return 1
        }
        logger.info("Shutdown: every request finished and the database is checkpointed.")
        return 0
    }
}
