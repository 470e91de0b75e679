// It opens the database, creates the tables, connects the routes and starts the server.
import BackendKit
import Foundation

do {
    let database = try Database.open()
    try Schema.create(in: database)
    let router = Router()
    registerRoutes(on: router, store: BookStore(database: database))
    Server(router: router).run()
} catch {
    FileHandle.standardError.write(Data("Bookshelf could not start: \(error)\n".utf8))
    exit(1)
}
