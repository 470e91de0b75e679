import BackendKit
import Foundation

/// Reads and writes the shop's products and orders in SQLite. Values always travel as bound
/// parameters; everything one order changes happens in one transaction.
struct WarungStore: Sendable {
    let database: Database

    /// Opens the store, creates the tables when they do not exist yet, and stocks an empty shop.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
        try stockAnEmptyShop()
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS products (
            id    INTEGER PRIMARY KEY,
            name  TEXT NOT NULL UNIQUE,
            price INTEGER NOT NULL CHECK (price >= 0),
            stock INTEGER NOT NULL CHECK (stock >= 0)
        );
        CREATE TABLE IF NOT EXISTS orders (
            id         INTEGER PRIMARY KEY,
            customer   TEXT NOT NULL,
            note       TEXT,
            total      INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS order_items (
            id         INTEGER PRIMARY KEY,
            order_id   INTEGER NOT NULL REFERENCES orders (id),
            product_id INTEGER NOT NULL REFERENCES products (id),
            quantity   INTEGER NOT NULL CHECK (quantity > 0),
            price      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS order_items_by_order ON order_items (order_id);
        """

    /// What a new shop sells, so there is something to order on the first start.
    static let firstProducts: [(name: String, price: Int, stock: Int)] = [
        ("Nasi goreng", 25_000, 50), ("Sate ayam", 30_000, 40), ("Es teh manis", 5_000, 200),
        ("Kerupuk", 2_000, 500),
    ]

    private func stockAnEmptyShop() throws {
        try database.transaction { tx in
            guard try tx.queryOne("SELECT 1 FROM products LIMIT 1") == nil else { return }
            for product in Self.firstProducts {
                try tx.execute(
                    "INSERT INTO products (name, price, stock) VALUES (?, ?, ?)", product.name, product.price,
                    product.stock)
            }
        }
    }

    /// Every product, by id.
    func products() throws -> [Product] {
        try database.query("SELECT id, name, price, stock FROM products ORDER BY id").map(Product.init(row:))
    }

    /// Why an order cannot be placed.
    enum OrderProblem: Error, Equatable {
        case unknownProduct(Int)
        case notEnoughStock(product: String, left: Int)
    }

    /// Places an order: checks every product and its stock, takes the stock and stores the order
    /// and its lines, all in one transaction (BEGIN IMMEDIATE), so two orders for the last plate
    /// cannot both get it. A problem with any line is thrown inside the transaction, which rolls
    /// back what the lines before it took: returning from the closure would commit it.
    func placeOrder(_ input: OrderInput, at now: Date) throws -> Result<Order, OrderProblem> {
        do {
            return .success(try database.transaction { tx in try place(input, at: now, in: tx) })
        } catch let problem as OrderProblem {
            return .failure(problem)
        }
    }

    private func place(_ input: OrderInput, at now: Date, in tx: Transaction) throws -> Order {
        var items: [OrderItem] = []
        for line in input.items {
            guard
                let row = try tx.queryOne(
                    "SELECT id, name, price, stock FROM products WHERE id = ?", line.productID)
            else { throw OrderProblem.unknownProduct(line.productID) }
            let product = try Product(row: row)
            guard product.stock >= line.quantity else {
                throw OrderProblem.notEnoughStock(product: product.name, left: product.stock)
            }
            try tx.execute("UPDATE products SET stock = stock - ? WHERE id = ?", line.quantity, product.id)
            items.append(
                OrderItem(
                    productID: product.id, name: product.name, quantity: line.quantity, price: product.price))
        }
        let total = items.reduce(0) { $0 + $1.price * $1.quantity }
        let createdAt = now.formatted(.iso8601)
        let id = try tx.execute(
            "INSERT INTO orders (customer, note, total, created_at) VALUES (?, ?, ?, ?)", input.customer,
            input.note,
            total, createdAt
        ).lastInsertedRowID
        for item in items {
            try tx.execute(
                "INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (?, ?, ?, ?)", id,
                item.productID, item.quantity, item.price)
        }
        return Order(
            id: id, customer: input.customer, note: input.note, total: total, createdAt: createdAt,
            items: items)
    }

    /// The order with this id and its lines, or `nil`.
    func order(id: Int) throws -> Order? {
        guard
            let row = try database.queryOne(
                "SELECT id, customer, note, total, created_at FROM orders WHERE id = ?", id)
        else { return nil }
        let items = try database.query(
            """
            SELECT order_items.product_id, products.name, order_items.quantity, order_items.price
            FROM order_items JOIN products ON products.id = order_items.product_id
            WHERE order_items.order_id = ? ORDER BY order_items.id
            """, id
        ).map { item in
            OrderItem(
                productID: try item.int("product_id"), name: try item.string("name"),
                quantity: try item.int("quantity"), price: try item.int("price"))
        }
        return Order(
            id: try row.int("id"), customer: try row.string("customer"),
            note: try row.get("note", as: String?.self),
            total: try row.int("total"), createdAt: try row.string("created_at"), items: items)
    }
}
