import BackendKit
import GraderKit

/// The status check; the checks of the same answer need it.
private let answersOK = "GET /health answers 200 OK"

let health = ExerciseTests("api01-health") {
    Check(answersOK) { t in
        try t.http.get("/health").expectStatus(
            200,
            hint:
                "200 OK means \"it worked\". A handler that returns a Response without a status answers 200.")
    }

    Check(
        "GET /health says its body is JSON (Content-Type: application/json)",
        hint:
            "`.text(...)` sends Content-Type: text/plain. `try .json(value)` turns a Swift value into JSON and sets Content-Type: application/json for you.",
        needs: answersOK
    ) { t in
        try t.http.get("/health").expectStatus(200).expectContentType("application/json")
    }

    Check(
        "the body of GET /health is the JSON object {\"status\": \"ok\"}",
        hint:
            "A Swift dictionary such as [\"status\": \"ok\"] becomes the JSON object {\"status\":\"ok\"} when you pass it to `.json(...)`.",
        needs: "GET /health says its body is JSON (Content-Type: application/json)"
    ) { t in
        let response = try t.http.get("/health").expectStatus(200)
        let body = try response.json()
        try require(
            body.object != nil,
            "expected a JSON object ({...}), got \(body.kindDescription): \(response.text.prefix(80))",
            response: response)
        try requireEqual(
            body["status"]?.string, "ok", "the \"status\" member of the body", response: response)
    }

    Check(
        "HEAD /health answers 200 with the headers and no body",
        hint:
            "HEAD asks for the headers only. BackendKit runs your GET handler for it and leaves the body out, so register the route with router.get.",
        needs: answersOK
    ) { t in
        let response = try t.http.head("/health").expectStatus(200)
        try require(
            response.body.isEmpty, "expected no body for HEAD, got \(response.body.count) bytes",
            response: response)
    }

    Check(
        "POST /health answers 405 Method Not Allowed with an Allow header",
        hint:
            "The path /health exists, but only for GET. When a route is registered for one method, the router answers other methods with 405 and an Allow header by itself.",
        needs: answersOK
    ) { t in
        let response = try t.http.send(.post, "/health", json: [:]).expectStatus(405)
        try response.expectHeader("Allow")
        try require(
            Tasks.methods(inAllow: response).contains("GET"),
            "expected the Allow header to list GET, got \"\(response.headers["Allow"] ?? "")\"",
            response: response)
    }

    Check("GET /healthz (a path with no route) answers 404 Not Found") { t in
        try t.http.get("/healthz").expectStatus(
            404,
            hint:
                "A path no route matches is 404 Not Found. Did you register a route with a \"*\" pattern that catches everything?"
        )
    }
}
