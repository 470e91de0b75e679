import BackendKit
import Foundation

/// `GET /health` and the menu.
struct ProductRoutes: Sendable {
    let store: WarungStore

    func register(on router: Router) {
        router.get("/health") { _ in try .json(["status": "ok"]) }
        router.get("/products") { _ in try .json(["products": try store.products()]) }
    }
}
