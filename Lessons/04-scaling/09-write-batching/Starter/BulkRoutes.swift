import BackendKit
import Foundation

/// `POST /links/bulk` `{"links": [{"url": "https://…", "code"?: "…"}, …]}`: imports up to 1000 links
/// at once, all or nothing. 201 with every new link; 409 when one code is taken, and then none is
/// stored; 422 naming the first wrong field (`links[3].url`).
struct BulkRoutes: Sendable {
    let writer: BatchWriter
    let config: ShortlinkConfig

    static let maxLinks = 1000
    /// Random codes that clash with a stored one are drawn again, a few times at most.
    static let attempts = 5

    func register(on router: Router) {
        router.post("/links/bulk") { request in try importLinks(request) }
    }

    func importLinks(_ request: Request) throws -> Response {
        try request.requireContentType()
        let input = try request.decode(BulkInput.self)
        guard (1...Self.maxLinks).contains(input.links.count) else {
            throw HTTPError.validation([(field: "links", message: "Give from 1 to 1000 links.")])
        }
        var customCodes = Set<String>()
        for (index, link) in input.links.enumerated() {
            do {
                _ = try LinkRoutes.validURL(link.url)
            } catch {
                throw HTTPError.validation([
                    (
                        field: "links[\(index)].url",
                        message: "Give an absolute http:// or https:// address of at most 2048 bytes."
                    )
                ])
            }
            guard let code = link.code else { continue }
            do {
                try LinkRoutes.requireValidCode(code)
            } catch {
                throw HTTPError.validation([
                    (field: "links[\(index)].code", message: "Use 4 to 32 letters, digits, _ or -.")
                ])
            }
            guard customCodes.insert(code).inserted else {
                throw HTTPError.validation([
                    (
                        field: "links[\(index)].code",
                        message: "The code \"\(code)\" appears twice in this import."
                    )
                ])
            }
        }
        for _ in 1...Self.attempts {
            let drafts = input.links.map { LinkDraft(code: $0.code ?? LinkRoutes.randomCode(), url: $0.url) }
            do {
                let links = try writer.importLinks(drafts, at: request.now)
                return try .json(["links": links.map(view)], status: .created)
            } catch let taken as BatchWriter.CodeTaken where !customCodes.contains(taken.code) {
                continue  // one of the random codes was taken: draw them all again
            } catch let taken as BatchWriter.CodeTaken {
                throw HTTPError.conflict("The code \"\(taken.code)\" is taken; nothing was imported.")
            }
        }
        throw HTTPError(.serviceUnavailable, detail: "No free codes were found; try again.")
    }

    func view(_ link: Link) -> LinkView {
        LinkView(
            code: link.code, url: link.url, shortURL: "\(config.publicURL)/\(link.code)",
            createdAt: link.createdAt)
    }
}

/// What `POST /links/bulk` accepts.
struct BulkInput: Decodable, Sendable {
    var links: [LinkInput]
}

/// One link of an import, checked and with its code chosen, ready to be stored.
struct LinkDraft: Sendable, Equatable {
    var code: String
    var url: String
}
