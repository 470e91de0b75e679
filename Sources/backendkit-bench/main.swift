import BackendKit
import Foundation

// The server `Scripts/bench-http` measures. It keeps BackendKit's startup contract (PORT, HOST,
// DATABASE_PATH, the Listening line, graceful shutdown), so it is also what the startup-contract
// tests launch.

struct Note: Codable {
    var id: Int
    var title: String
    var tags: [String]
}

struct Item: Codable {
    var id: Int
    var name: String
    var price: Double
}

let database: Database
do {
    database = try Database.open()
    try database.executeScript(
        "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL)")
    if try database.queryOne(Int.self, "SELECT COUNT(*) FROM items") == 0 {
        try database.transaction { tx in
            for id in 1...1000 {
                try tx.execute(
                    "INSERT INTO items (id, name, price) VALUES (?, ?, ?)", id, "Item \(id)",
                    Double(id) * 1.25)
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("backendkit-bench: could not prepare the database: \(error)\n".utf8))
    exit(1)
}

let router = Router()
router.get("/hello") { _ in .text("Hello, world!") }
router.get("/notes/:id") { request in
    let id = try request.parameters.int("id")
    return try .json(Note(id: id, title: "Note \(id)", tags: ["bench", "json"]))
}
router.get("/db/:id") { request in
    let id = try request.parameters.int("id")
    guard let item = try database.queryOne(Item.self, "SELECT id, name, price FROM items WHERE id = ?", id)
    else {
        throw HTTPError.notFound("No item with id \(id).")
    }
    return try .json(item)
}
// CPU-bound work of a chosen size, so Scripts/bench-load can drive the server past its capacity
// at a rate the load generator itself sends easily.
router.get("/spin/:micros") { request in
    let micros = min(try request.parameters.int("micros"), 100_000)
    let end = ContinuousClock.now + .microseconds(micros)
    var turns = 0
    while ContinuousClock.now < end { turns &+= 1 }
    return .text("spun \(turns)")
}
Server(router: router).run()
