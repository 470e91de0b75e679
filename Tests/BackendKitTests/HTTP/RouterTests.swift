import Foundation
import Synchronization
import Testing

@testable import BackendKit

struct RouterTests {
    private func request(_ method: HTTPMethod, _ target: String, body: String = "") -> Request {
        var request = Request(
            method: method, target: target, headers: ["Host": "x"], body: Data(body.utf8), id: "req-1")
        request.logger = Logger(level: .error, output: .collect { _ in })
        return request
    }

    @Test func pathParameters_areCapturedAndDecoded() async throws {
        let router = Router()
        router.get("/books/:id/loans/:loan") { request in
            .text("\(request.parameters["id"] ?? "-")|\(request.parameters["loan"] ?? "-")")
        }
        let response = await router.respond(to: request(.get, "/books/a%20b/loans/7"))
        #expect(response.bodyText == "a b|7")
    }

    @Test func encodedSlash_staysInsideItsSegment() async {
        let router = Router()
        router.get("/files/:name") { .text($0.parameters["name"] ?? "") }
        #expect(await router.respond(to: request(.get, "/files/a%2Fb")).bodyText == "a/b")
    }

    @Test func literalRoute_winsOverParameterRoute_inAnyOrder() async {
        let router = Router()
        router.get("/books/:id") { _ in .text("by id") }
        router.get("/books/stats") { _ in .text("stats") }
        #expect(await router.respond(to: request(.get, "/books/stats")).bodyText == "stats")
        #expect(await router.respond(to: request(.get, "/books/9")).bodyText == "by id")
    }

    @Test func unknownPath_is404ProblemJSON() async throws {
        let router = Router()
        router.get("/books") { _ in .text("") }
        let response = await router.respond(to: request(.get, "/authors"))
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = try JSONValue(parsing: response.body)
        #expect(problem["status"]?.int == 404)
        #expect(problem["title"]?.string == "Not Found")
        #expect(problem["instance"]?.string == "/authors")
    }

    @Test func wrongMethod_is405WithAllow() async {
        let router = Router()
        router.get("/books") { _ in .text("") }
        router.post("/books") { _ in .text("") }
        let response = await router.respond(to: request(.delete, "/books"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, POST, HEAD, OPTIONS")
    }

    @Test func options_isAnsweredWithAllow() async {
        let router = Router()
        router.put("/books/:id") { _ in .text("") }
        let response = await router.respond(to: request(.options, "/books/1"))
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "PUT, OPTIONS")
    }

    @Test func head_fallsBackToGet() async {
        let router = Router()
        router.get("/hello") { _ in .text("hi") }
        let response = await router.respond(to: request(.head, "/hello"))
        #expect(response.status == .ok)
    }

    @Test func trailingSlash_matchesTheSameRoute() async {
        let router = Router()
        router.get("/books") { _ in .text("list") }
        #expect(await router.respond(to: request(.get, "/books/")).bodyText == "list")
    }

    @Test func restWildcard_capturesTheRest() async {
        let router = Router()
        router.get("/static/*") { .text($0.parameters["*"] ?? "") }
        #expect(await router.respond(to: request(.get, "/static/css/site.css")).bodyText == "css/site.css")
    }

    @Test func thrownHTTPError_becomesProblemDocumentWithExtensions() async throws {
        let router = Router()
        router.post("/books") { _ in
            throw HTTPError.validation([("title", "is required"), ("year", "must be a number")])
        }
        let response = await router.respond(to: request(.post, "/books"))
        #expect(response.status.code == 422)
        let problem = try JSONValue(parsing: response.body)
        #expect(problem["errors"]?.array?.count == 2)
        #expect(problem["errors"]?[0]?["field"]?.string == "title")
    }

    @Test func otherError_becomes500_withoutLeakingDetails() async throws {
        struct Secret: Error, CustomStringConvertible {
            var description: String { "password=hunter2 at /etc/db" }
        }
        let lines = LockedLines()
        let router = Router()
        router.get("/boom") { _ in throw Secret() }
        var boom = request(.get, "/boom")
        boom.logger = Logger(level: .info, output: .collect { lines.append($0) }).with("request_id", "req-1")
        let response = await router.respond(to: boom)
        #expect(response.status.code == 500)
        #expect(!response.bodyText.contains("hunter2"))
        #expect(response.bodyText.contains("req-1"))
        #expect(lines.all.contains { $0.contains("hunter2") && $0.contains("request_id=req-1") })
    }

    @Test func middleware_runsInOrder_andSeesNotFound() async {
        let router = Router()
        router.use { request, next in
            var response = try await next(request)
            response.headers.add(name: "X-Order", value: "outer")
            return response
        }
        router.use { request, next in
            var response = try await next(request)
            response.headers.add(name: "X-Order", value: "inner")
            return response
        }
        router.get("/x") { _ in .text("x") }
        #expect(
            await router.respond(to: request(.get, "/x")).headers.values(for: "X-Order") == [
                "inner", "outer",
            ])
        let missing = await router.respond(to: request(.get, "/missing"))
        #expect(missing.status == .notFound)
    }

    @Test func middleware_canCatchErrorsAndReshapeThem() async {
        let router = Router()
        router.use { request, next in
            do { return try await next(request) } catch let error as HTTPError {
                return .text("custom \(error.status.code)", status: error.status)
            }
        }
        #expect(await router.respond(to: request(.get, "/nothing")).bodyText == "custom 404")
    }

    @Test func registrationMistakes_areCollected_andStopTheServer() {
        let router = Router()
        router.get("books") { _ in .text("") }
        router.get("/a/:") { _ in .text("") }
        router.get("/b/:id/:id") { _ in .text("") }
        router.get("/c") { _ in .text("") }
        router.get("/c") { _ in .text("") }
        #expect(
            router.registrationProblems == [
                "The route \"books\" is invalid: a route must start with \"/\", like \"/books\".",
                "The route \"/a/:\" is invalid: \":\" needs a name made of letters, digits and _, like \":id\".",
                "The route \"/b/:id/:id\" is invalid: the parameter \":id\" appears twice.",
                "The route GET /c is registered twice.",
            ])
        #expect(throws: ServerError.self) {
            try Server(router: router, configuration: ServerConfiguration()).start()
        }
    }
}

/// Collects log lines from several threads.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
