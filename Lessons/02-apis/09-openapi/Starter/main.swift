// Given: you do not need to change this file.
// It opens the database, connects the middleware and the routes, and starts the server.
import BackendKit
import Foundation

do {
    let store = try TaskStore(database: Database.open())
    let router = Router()
    // Middleware added first runs outermost: it sees every request and every error.
    installErrorHandling(on: router)
    registerHealthRoute(on: router)
    try registerOpenAPIRoute(on: router)
    TaskRoutes(store: store).register(on: router)
    if ProcessInfo.processInfo.environment["TASKS_DEBUG"] == "1" {
        registerDebugRoutes(on: router, store: store)
    }
    Server(router: router).run()
} catch {
    FileHandle.standardError.write(Data("Tasks could not start: \(error)\n".utf8))
    exit(1)
}
