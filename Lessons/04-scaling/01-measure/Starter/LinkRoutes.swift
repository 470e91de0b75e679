import BackendKit
import Foundation

/// The short-link API. The handlers stay thin: the SQL is in LinkStore.swift.
struct LinkRoutes: Sendable {
    let links: LinkStore
    let config: ShortlinkConfig

    static let maxURLBytes = 2048
    static let generatedCodeLength = 7
    static let codeAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    static let customCodeCharacters = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
    static let customCodeLengths = 4...32
    static let statsLimits = 1...100

    func register(on router: Router) {
        router.get("/health") { _ in try .json(["status": "ok"]) }
        router.post("/links") { request in try create(request) }
        router.get("/stats") { request in try stats(request) }
        router.get("/links/:code") { request in try details(request) }
        router.put("/links/:code") { request in try update(request) }
        router.delete("/links/:code") { request in try delete(request) }
        router.get("/:code") { request in try redirect(request) }
    }

    /// `POST /links`: 201 with the new link, 409 when a custom code is taken.
    func create(_ request: Request) throws -> Response {
        try request.requireContentType()
        let input = try request.decode(LinkInput.self)
        let url = try Self.validURL(input.url)
        if let code = input.code {
            try Self.requireValidCode(code)
            guard let link = try links.create(code: code, url: url, at: request.now) else {
                throw HTTPError.conflict("The code \"\(code)\" is taken; choose another or leave it out.")
            }
            return try .created(view(link), location: "/links/\(link.code)")
        }
        // A random code of 7 base62 characters: 3.5 trillion of them, so a clash is rare; try again.
        for _ in 1...5 {
            if let link = try links.create(code: Self.randomCode(), url: url, at: request.now) {
                return try .created(view(link), location: "/links/\(link.code)")
            }
        }
        throw HTTPError(.serviceUnavailable, detail: "No free code was found; try again.")
    }

    /// `GET /:code`: 302 to the link's address, and one more click.
    func redirect(_ request: Request) throws -> Response {
        let code = request.parameters["code"] ?? ""
        guard let link = try links.find(code: code) else { throw Self.noSuchLink(code) }
        try links.recordClick(linkID: link.id, at: request.now)
        // 302, not 301: browsers keep a 301 forever and would stop asking, so no click is counted.
        return Response.redirect(to: link.url, status: .found).with("Cache-Control", "private, max-age=0")
    }

    /// `GET /links/:code`: the link and its number of clicks.
    func details(_ request: Request) throws -> Response {
        let code = request.parameters["code"] ?? ""
        guard let link = try links.find(code: code) else { throw Self.noSuchLink(code) }
        return try .json(
            LinkDetails(
                code: link.code, url: link.url, clicks: try links.clickCount(linkID: link.id),
                createdAt: link.createdAt, updatedAt: link.updatedAt))
    }

    /// `PUT /links/:code`: points the code somewhere else.
    func update(_ request: Request) throws -> Response {
        try request.requireContentType()
        let code = request.parameters["code"] ?? ""
        let url = try Self.validURL(try request.decode(LinkInput.self).url)
        guard let link = try links.update(code: code, url: url, at: request.now) else {
            throw Self.noSuchLink(code)
        }
        return try .json(view(link))
    }

    /// `DELETE /links/:code`: 204, and the code no longer redirects.
    func delete(_ request: Request) throws -> Response {
        let code = request.parameters["code"] ?? ""
        guard try links.delete(code: code) else { throw Self.noSuchLink(code) }
        return .noContent()
    }

    /// `GET /stats?limit=20`: the most clicked links.
    func stats(_ request: Request) throws -> Response {
        var limit = 20
        if let text = request.query["limit"] {
            guard let value = Int(text), Self.statsLimits.contains(value) else {
                throw HTTPError.validation([(field: "limit", message: "Give a whole number from 1 to 100.")])
            }
            limit = value
        }
        return try .json(["links": try links.topLinks(limit: limit)])
    }

    func view(_ link: Link) -> LinkView {
        LinkView(
            code: link.code, url: link.url, shortURL: "\(config.publicURL)/\(link.code)",
            createdAt: link.createdAt)
    }

    static func noSuchLink(_ code: String) -> HTTPError {
        .notFound("There is no short link \"\(code)\".")
    }

    /// An absolute http or https address of at most 2048 bytes.
    static func validURL(_ text: String) throws -> String {
        guard text.utf8.count <= maxURLBytes,
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            throw HTTPError.validation([
                (field: "url", message: "Give an absolute http:// or https:// address of at most 2048 bytes.")
            ])
        }
        return text
    }

    static func requireValidCode(_ code: String) throws {
        guard customCodeLengths.contains(code.count), code.allSatisfy(customCodeCharacters.contains) else {
            throw HTTPError.validation([
                (field: "code", message: "Use 4 to 32 letters, digits, _ or -.")
            ])
        }
    }

    static func randomCode() -> String {
        // 62 does not divide 256: drop the bytes that would make some characters likelier.
        let unbiasedLimit = UInt8(256 - 256 % codeAlphabet.count)
        var code = ""
        while code.count < generatedCodeLength {
            for byte in SecureRandom.bytes(16) where byte < unbiasedLimit && code.count < generatedCodeLength
            {
                code.append(codeAlphabet[Int(byte) % codeAlphabet.count])
            }
        }
        return code
    }
}
