import BackendKit

/// `GET /health` tells a load balancer, a monitoring tool or a teammate with curl that the server
/// is up and answering. It is usually the first endpoint a new API gets.
func registerHealthRoute(on router: Router) {
    router.get("/health") { _ in
        // TODO(learner): answer 200 OK with the JSON object {"status": "ok"} and the header
        //   Content-Type: application/json. Right now the answer is plain text, which a client that
        //   expects JSON cannot read.
        .text("OK")
    }
}
