// It reads the settings, opens the database, connects the routes and starts the server.
import BackendKit
import Foundation

do {
    let config = try AuthConfig.fromEnvironment()
    let accounts = try AccountStore(database: Database.open())
    let router = Router()
    AccountRoutes(accounts: accounts, config: config).register(on: router)
    Server(router: router).run()
} catch {
    // The message names the setting, never its value: a secret must not reach a log.
    FileHandle.standardError.write(Data("Team Tasks could not start: \(error)\n".utf8))
    exit(1)
}
