// Given: you do not need to change this file.
// It opens the database, creates the tables, connects the routes and starts the server.
import BackendKit
import Foundation

do {
    let database = try Database.open()
    try Schema.create(in: database)
    let router = Router()
    registerBookRoutes(on: router, store: BookStore(database: database))
    registerAuthorRoutes(
        on: router, authors: AuthorStore(database: database), books: BookStore(database: database))
    Server(router: router).run()
} catch {
    FileHandle.standardError.write(Data("Bookshelf could not start: \(error)\n".utf8))
    exit(1)
}
