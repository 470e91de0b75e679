// Warung: a small shop's order service. It reads the settings, opens the database, connects the
// routes and starts the server.
import BackendKit
import Foundation

do {
    let store = try WarungStore(database: Database.open())
    let router = Router()
    // The first middleware added is the outermost: it sees every request, errors and 404s too.
    router.use(TraceContext.middleware)
    ProductRoutes(store: store).register(on: router)
    OrderRoutes(store: store).register(on: router)
    Server(router: router).run()
} catch {
    FileHandle.standardError.write(Data("Warung could not start: \(error)\n".utf8))
    exit(1)
}
