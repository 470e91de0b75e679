// It reads the settings, opens the database, connects the routes and starts the server.
import BackendKit
import Foundation

do {
    let config = try ShortlinkConfig.fromEnvironment()
    let links = try LinkStore(database: Database.open())
    let router = Router()
    // The first middleware added is the outermost: it sees every request, errors and 404s too.
    router.use(serverTiming)
    LinkRoutes(links: links, config: config).register(on: router)
    Server(router: router).run()
} catch {
    // The message names the setting, never its value.
    FileHandle.standardError.write(Data("Shortlinks could not start: \(error)\n".utf8))
    exit(1)
}
