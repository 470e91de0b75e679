import BackendKit
import Foundation

/// `GET /links/:code/preview`: the title of the page a link points to, asked of the preview
/// service at PREVIEW_URL. The call is an `await`: while it waits, its event loop serves other
/// requests, so many previews can be in flight at once. LoadShedder.swift bounds how many.
struct PreviewRoutes: Sendable {
    let links: LinkStore
    /// `nil` when PREVIEW_URL is not set: previews then answer 503.
    let service: OutboundClient?

    /// A slow preview service must not hold a request for ever: give up after 10 seconds in all.
    static let timeouts = OutboundClient.Timeouts(
        connect: .seconds(1), read: .seconds(8), total: .seconds(10))

    init(links: LinkStore, previewURL: String?) throws {
        self.links = links
        self.service = try previewURL.map { (url) throws(OutboundError) in
            try OutboundClient(baseURL: url, timeouts: Self.timeouts)
        }
    }

    func register(on router: Router) {
        router.get("/links/:code/preview") { request in try await preview(request) }
    }

    /// `{"code", "url", "title"}`, or 502 when the preview service fails.
    func preview(_ request: Request) async throws -> Response {
        let code = request.parameters["code"] ?? ""
        guard let link = try links.find(code: code) else { throw LinkRoutes.noSuchLink(code) }
        guard let service else {
            throw HTTPError(.serviceUnavailable, detail: "No preview service is set up (PREVIEW_URL).")
        }
        let query = link.url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let answer: OutboundResponse
        do {
            answer = try await service.get("/preview?url=\(query)")
        } catch {
            request.logger.warning("The preview service failed: \(error)")
            throw HTTPError(.badGateway, detail: "The preview service did not answer.")
        }
        guard answer.isSuccess, let title = (try? answer.json())?["title"]?.string else {
            throw HTTPError(.badGateway, detail: "The preview service answered \(answer.status.code).")
        }
        let body: JSONValue = ["code": .string(link.code), "url": .string(link.url), "title": .string(title)]
        return try .json(body)
    }
}
