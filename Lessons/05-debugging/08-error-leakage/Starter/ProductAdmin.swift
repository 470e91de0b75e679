import BackendKit
import Foundation

/// `POST /products`: the owner adds something to the menu.
struct ProductAdmin: Sendable {
    let database: Database

    struct Input: Decodable, Sendable {
        var name: String
        var price: Int
        var stock: Int
    }

    func register(on router: Router) {
        router.post("/products") { request in try add(request) }
    }

    /// 201 with the new product; 422 for an empty name or a negative price or stock.
    func add(_ request: Request) throws -> Response {
        try request.requireContentType()
        let input = try request.decode(Input.self)
        var problems: [(field: String, message: String)] = []
        if input.name.trimmingCharacters(in: .whitespaces).isEmpty || input.name.count > 100 {
            problems.append((field: "name", message: "Give a name of 1 to 100 characters."))
        }
        if input.price < 0 { problems.append((field: "price", message: "A price is 0 or more.")) }
        if input.stock < 0 { problems.append((field: "stock", message: "A stock is 0 or more.")) }
        guard problems.isEmpty else { throw HTTPError.validation(problems) }
        let row = try database.queryOne(
            "INSERT INTO products (name, price, stock) VALUES (?, ?, ?) RETURNING id, name, price, stock",
            input.name,
            input.price, input.stock)
        guard let row else { throw HTTPError(.internalServerError, detail: "The product was not stored.") }
        return try .created(try Product(row: row), location: "/products")
    }
}
