import BackendKit
import GraderKit

/// The status check; the checks of the same answer need it.
private let answersOK = Words("GET /health answers 200 OK", id: "GET /health menjawab 200 OK")

let health = ExerciseTests("api01-health") {
    Check(answersOK) { t in
        try t.http.get("/health").expectStatus(
            200,
            hint: Words(
                "200 OK means \"it worked\". A handler that returns a Response without a status answers 200.",
                id:
                    "200 OK artinya \"berhasil\". Handler yang mengembalikan Response tanpa status menjawab 200."
            ))
    }

    Check(
        Words(
            "GET /health says its body is JSON (Content-Type: application/json)",
            id: "GET /health menyebut body-nya sebagai JSON (Content-Type: application/json)"),
        hint: Words(
            "`.text(...)` sends Content-Type: text/plain. `try .json(value)` turns a Swift value into JSON and sets Content-Type: application/json for you.",
            id:
                "`.text(...)` mengirim Content-Type: text/plain. `try .json(value)` mengubah nilai Swift menjadi JSON dan memasang Content-Type: application/json untukmu."
        ),
        needs: answersOK.en
    ) { t in
        try t.http.get("/health").expectStatus(200).expectContentType("application/json")
    }

    Check(
        Words(
            "the body of GET /health is the JSON object {\"status\": \"ok\"}",
            id: "body dari GET /health adalah objek JSON {\"status\": \"ok\"}"),
        hint: Words(
            "A Swift dictionary such as [\"status\": \"ok\"] becomes the JSON object {\"status\":\"ok\"} when you pass it to `.json(...)`.",
            id:
                "Dictionary Swift seperti [\"status\": \"ok\"] menjadi objek JSON {\"status\":\"ok\"} saat kamu memberikannya ke `.json(...)`."
        ),
        needs: "GET /health says its body is JSON (Content-Type: application/json)"
    ) { t in
        let response = try t.http.get("/health").expectStatus(200)
        let body = try response.json()
        try require(
            body.object != nil,
            Words(
                "expected a JSON object ({...}), got \(body.kind.en): \(response.text.prefix(80))",
                id:
                    "seharusnya sebuah objek JSON ({...}), tapi yang datang \(body.kind[.id]): \(response.text.prefix(80))"
            ),
            response: response)
        try requireEqual(
            body["status"]?.string, "ok",
            Words("the \"status\" member of the body", id: "member \"status\" di body"), response: response)
    }

    Check(
        Words(
            "HEAD /health answers 200 with the headers and no body",
            id: "HEAD /health menjawab 200 dengan header-nya saja, tanpa body"),
        hint: Words(
            "HEAD asks for the headers only. BackendKit runs your GET handler for it and leaves the body out, so register the route with router.get.",
            id:
                "HEAD hanya meminta header-nya. BackendKit menjalankan handler GET-mu untuk HEAD lalu membuang body-nya, jadi daftarkan route-nya dengan router.get."
        ),
        needs: answersOK.en
    ) { t in
        let response = try t.http.head("/health").expectStatus(200)
        try require(
            response.body.isEmpty,
            Words(
                "expected no body for HEAD, got \(response.body.count) bytes",
                id: "seharusnya HEAD tidak punya body, tapi yang datang \(response.body.count) byte"),
            response: response)
    }

    Check(
        Words(
            "POST /health answers 405 Method Not Allowed with an Allow header",
            id: "POST /health menjawab 405 Method Not Allowed dengan header Allow"),
        hint: Words(
            "The path /health exists, but only for GET. When a route is registered for one method, the router answers other methods with 405 and an Allow header by itself.",
            id:
                "Path /health memang ada, tapi hanya untuk GET. Kalau sebuah route didaftarkan untuk satu method, router sendiri yang menjawab method lain dengan 405 dan header Allow."
        ),
        needs: answersOK.en
    ) { t in
        let response = try t.http.send(.post, "/health", json: [:]).expectStatus(405)
        try response.expectHeader("Allow")
        try require(
            Tasks.methods(inAllow: response).contains("GET"),
            Words(
                "expected the Allow header to list GET, got \"\(response.headers["Allow"] ?? "")\"",
                id:
                    "seharusnya header Allow mencantumkan GET, tapi isinya \"\(response.headers["Allow"] ?? "")\""
            ),
            response: response)
    }

    Check(
        Words(
            "GET /healthz (a path with no route) answers 404 Not Found",
            id: "GET /healthz (path tanpa route) menjawab 404 Not Found")
    ) { t in
        try t.http.get("/healthz").expectStatus(
            404,
            hint: Words(
                "A path no route matches is 404 Not Found. Did you register a route with a \"*\" pattern that catches everything?",
                id:
                    "Path yang tidak cocok dengan route mana pun dijawab 404 Not Found. Apakah kamu mendaftarkan route dengan pola \"*\" yang menangkap semuanya?"
            ))
    }
}
