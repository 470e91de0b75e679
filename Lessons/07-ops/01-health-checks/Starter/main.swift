// Checkout: the checkout of a small shop. It reads the settings, opens the database, connects the
// routes and starts the server.
import BackendKit
import Foundation

do {
    let config = try CheckoutConfig.fromEnvironment()
    let database = try Database.open()
    let store = CheckoutStore(database: database)
    let router = Router()
    HealthRoutes(probe: try DatabaseProbe(path: database.path)).register(on: router)
    OrderRoutes(store: store).register(on: router)
    LedgerRoutes(store: store).register(on: router)
    PaymentWebhookRoutes(store: store, secrets: config.webhookSecrets).register(on: router)
    let server = Server(router: router)
    // The migrations run before the server listens. When one fails (data that breaks a new rule,
    // a lock another process holds), the server listens all the same and tries again every 5
    // seconds: /livez says the process is fine, so nobody restarts it in a loop, and /readyz says it
    // cannot serve yet, so no traffic reaches it until the migrations are done.
    do {
        try store.migrate()
    } catch {
        Logger.fromEnvironment().error(
            "A migration failed; not ready until it succeeds", ["error": .string("\(error)")])
        server.every(.seconds(5), "migrate the database") { try store.migrate() }
    }
    server.run()
} catch {
    // The message names the setting, never its value: a secret must not reach a log.
    FileHandle.standardError.write(Data("Checkout could not start: \(error)\n".utf8))
    exit(1)
}
