import BackendKit

/// The outermost middleware: every request passes through it, and every error thrown by a route,
/// by the router (404, 405) or by other code reaches it. So this is the one place that decides
/// what errors look like: always an RFC 9457 problem document, always with the request id.
func installErrorHandling(on router: Router) {
    router.use { request, next in
        var response: Response
        do {
            response = try await next(request)
            response.headers["X-Request-Id"] = request.id
        } catch let error as HTTPError {
            // A client mistake or an expected condition: its problem document, with its headers
            // (Allow on a 405, Accept-Patch on a 415, ETag on a 412).
            response = error.response(instance: request.path)
        } catch {
            // A bug. The details go to the log, where the team can find them by request id; the
            // client learns only that it was not its fault, and which id to quote.
            request.logger.error("Unhandled error in \(request.method) \(request.path): \(error)")
            response = HTTPError(
                .internalServerError,
                detail:
                    "Something went wrong on our side. If it keeps happening, contact us and quote request id \(request.id).",
                extensions: ["requestId": .string(request.id)]
            ).response(instance: request.path)
        }
        return response
    }
}
