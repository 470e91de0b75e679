import BackendKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `GET /orders/:id/receipt`: the order's receipt as text. Every receipt is also kept as a file in
/// RECEIPTS_DIR, where the tax office's tool collects them at the end of the month.
struct Receipts: Sendable {
    let store: WarungStore
    let directory: String

    /// RECEIPTS_DIR, or a `receipts` folder beside the database (DATABASE_PATH); created when missing.
    static func directory(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> String
    {
        let besideTheDatabase = environment["DATABASE_PATH"].map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("receipts").path
        }
        let directory = environment["RECEIPTS_DIR"] ?? besideTheDatabase ?? "receipts"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    func register(on router: Router) {
        router.get("/orders/:id/receipt") { request in try receipt(request) }
    }

    func receipt(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        // Look the order up before anything is opened: a receipt of an order that does not exist
        // needs no file, and leaves none behind.
        guard let order = try store.order(id: id) else {
            throw HTTPError(.notFound, detail: "There is no order \(id).")
        }
        let path = "\(directory)/receipt-\(id).txt"
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else {
            throw ReceiptError.cannotWrite(path: path, errno: errno)
        }
        // Closed on every way out of this function, a throw included: an open file that is never
        // closed stays open until the process ends, and a server has only so many.
        defer { close(file) }
        let text = Self.render(order)
        let bytes = Array(text.utf8)
        guard write(file, bytes, bytes.count) == bytes.count else {
            throw ReceiptError.cannotWrite(path: path, errno: errno)
        }
        return .text(text)
    }

    /// The receipt, as the printer at the counter prints it.
    static func render(_ order: Order) -> String {
        var lines = ["WARUNG", "Order \(order.id) · \(order.createdAt)", "Customer: \(order.customer)", ""]
        for item in order.items {
            lines.append("\(item.quantity) × \(item.name) @ \(item.price) = \(item.quantity * item.price)")
        }
        lines += ["", "Total: Rp \(order.total)", ""]
        return lines.joined(separator: "\n")
    }
}

enum ReceiptError: Error, CustomStringConvertible {
    case cannotWrite(path: String, errno: Int32)

    var description: String {
        switch self {
        case .cannotWrite(let path, let number): "cannot write \(path): \(String(cString: strerror(number)))"
        }
    }
}
