// Given: you do not need to change this file.
// It opens the database, connects the routes and starts the server.
import BackendKit
import Foundation

do {
    let store = try TaskStore(database: Database.open())
    let router = Router()
    registerHealthRoute(on: router)
    TaskRoutes(store: store).register(on: router)
    Server(router: router).run()
} catch {
    FileHandle.standardError.write(Data("Tasks could not start: \(error)\n".utf8))
    exit(1)
}
