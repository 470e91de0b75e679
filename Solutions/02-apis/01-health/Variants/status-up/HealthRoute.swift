import BackendKit

/// `GET /health` tells a load balancer, a monitoring tool or a teammate with curl that the server
/// is up and answering. It is usually the first endpoint a new API gets.
func registerHealthRoute(on router: Router) {
    router.get("/health") { _ in
        // `.json` encodes the value and sets Content-Type: application/json; the status is 200 OK.
        try .json(["status": "up"])
    }
}
