// Checkout: the checkout of a small shop. It reads the settings, opens the database, connects the
// routes and starts the server.
import BackendKit
import Foundation

do {
    let config = try CheckoutConfig.fromEnvironment()
    let store = try CheckoutStore(database: Database.open())
    let router = Router()
    OrderRoutes(store: store).register(on: router)
    PaymentWebhookRoutes(store: store, secrets: config.webhookSecrets).register(on: router)
    Server(router: router).run()
} catch {
    // The message names the setting, never its value: a secret must not reach a log.
    FileHandle.standardError.write(Data("Checkout could not start: \(error)\n".utf8))
    exit(1)
}
