import BackendKit
import Foundation
import Grader

/// `backendlings progress --web`: serves the progress page on 127.0.0.1 with BackendKit.
///
/// `GET /` is the page, `GET /progress.json` the snapshot it polls. Both read the progress record
/// afresh on every request (under the store's lock), so the page follows checks made in watch mode
/// or another terminal. Nothing is ever written: the page only looks.
public final class ProgressPageServer: Sendable {
    private let server: Server
    /// The address the server listens on; the page is only reachable from this machine.
    public static let host = "127.0.0.1"

    /// `language` is the page's default; `?lang=en` or `?lang=id` picks another per request.
    public init(pack: Pack, store: ProgressStore, port: Int = 0, language: Language = .current) {
        let router = Router()
        let snapshot: @Sendable (Request) throws -> ProgressSnapshot = { request in
            let chosen = request.query["lang"].flatMap(Language.init(code:)) ?? language
            let progress: LearnerProgress
            do {
                progress = try store.load().value
            } catch {
                throw HTTPError(.internalServerError, detail: "\(error)")
            }
            return ProgressSnapshot(pack: pack, progress: progress, language: chosen)
        }
        router.get("/") { request in
            let html = ProgressPageHTML.render(try snapshot(request))
            return Response(
                status: .ok, headers: ProgressPageServer.headers("text/html; charset=utf-8"),
                body: Data(html.utf8))
        }
        router.get("/progress.json") { request in
            Response(
                status: .ok, headers: ProgressPageServer.headers("application/json"),
                body: try snapshot(request).json())
        }
        var configuration = ServerConfiguration()
        configuration.host = Self.host
        configuration.port = port
        configuration.threads = 1
        configuration.logger = Logger(level: .warning)
        configuration.timeouts.shutdownGrace = .seconds(1)
        server = Server(router: router, configuration: configuration)
    }

    /// Starts serving in the background; returns the port (the one chosen when `port` was 0).
    @discardableResult
    public func start() throws -> Int { try server.start() }

    /// The page's address once started.
    public var url: String? { server.port.map { "http://\(Self.host):\($0)/" } }

    public func shutdown() { server.shutdown() }

    /// Blocks until `shutdown()` (or the end of the process, for Ctrl-C).
    public func waitUntilStopped() { server.waitUntilStopped() }

    /// No caching (the page must show the latest record), and a policy that lets nothing load from
    /// elsewhere: only this page's own inline style and script, and fetches to itself.
    static func headers(_ contentType: String) -> HTTPHeaders {
        [
            "Content-Type": contentType, "Cache-Control": "no-store",
            "Content-Security-Policy":
                "default-src 'none'; script-src 'sha256-\(scriptHash)'; style-src 'unsafe-inline'; "
                + "connect-src 'self'; img-src data:",
            "X-Content-Type-Options": "nosniff",
        ]
    }

    /// The hash of the page's one inline script, so the policy allows exactly that script.
    static let scriptHash = Data(SHA256.hash(ProgressPageHTML.script)).base64EncodedString()
}
