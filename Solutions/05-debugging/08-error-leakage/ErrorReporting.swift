import BackendKit
import Foundation

/// Turns an error a handler throws into an answer. What went wrong is for the server's log, where
/// the people who run the shop can read it; the answer says only that something failed, and the
/// request id that finds the log line. An error's text names tables, columns, SQL, file paths and
/// types: a map of the inside for whoever sends a request.
enum ErrorReporting {
    static let middleware: Middleware = { request, next in
        do {
            return try await next(request)
        } catch let error as HTTPError {
            // 404, 409, 422…: BackendKit answers those as problem documents already.
            throw error
        } catch {
            request.logger.error(
                "request failed",
                [
                    "error": .string(String(describing: error)),
                    "type": .string(String(reflecting: type(of: error))),
                ])
            throw HTTPError(
                .internalServerError,
                detail:
                    "Something went wrong on our side. Quote request id \(request.id) when you report it.",
                extensions: ["requestId": .string(request.id)])
        }
    }
}
