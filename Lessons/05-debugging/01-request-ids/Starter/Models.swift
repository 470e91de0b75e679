import BackendKit
import Foundation

/// Something the shop sells. Prices are whole rupiah: the rupiah has no smaller unit in use.
struct Product: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var price: Int
    var stock: Int

    init(row: Row) throws {
        id = try row.int("id")
        name = try row.string("name")
        price = try row.int("price")
        stock = try row.int("stock")
    }
}

/// One line of an order: how many of a product, at the price it had when the order was placed.
struct OrderItem: Codable, Sendable, Equatable {
    var productID: Int
    var name: String
    var quantity: Int
    var price: Int

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case name, quantity, price
    }
}

/// An order as the API shows it.
struct Order: Codable, Sendable, Equatable {
    var id: Int
    var customer: String
    var note: String?
    var total: Int
    var createdAt: String
    var items: [OrderItem]

    enum CodingKeys: String, CodingKey {
        case id, customer, note, total, items
        case createdAt = "created_at"
    }
}

/// The body of `POST /orders`.
struct OrderInput: Decodable, Sendable {
    struct Line: Decodable, Sendable {
        var productID: Int
        var quantity: Int

        enum CodingKeys: String, CodingKey {
            case productID = "product_id"
            case quantity
        }
    }

    var customer: String
    var items: [Line]
    var note: String?
}
