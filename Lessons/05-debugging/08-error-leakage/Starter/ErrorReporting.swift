import BackendKit
import Foundation

/// Turns an error a handler throws into an answer. The team wrote it when the shop's app was new,
/// so the app's developers could see what went wrong without asking anyone for the server's log.
enum ErrorReporting {
    static let middleware: Middleware = { request, next in
        do {
            return try await next(request)
        } catch let error as HTTPError {
            // 404, 409, 422…: BackendKit answers those as problem documents already.
            throw error
        } catch {
            let report: [String: String] = [
                "error": String(describing: error),
                "type": String(reflecting: type(of: error)),
                "where": "\(#filePath):\(#line)",
                "database": ProcessInfo.processInfo.environment["DATABASE_PATH"] ?? "",
            ]
            return try Response.json(report, status: .internalServerError)
        }
    }
}
