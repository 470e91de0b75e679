/// Answers one request. Throw an `HTTPError` to answer with an error status; any other error
/// becomes a 500 that tells the client nothing about your code (and is logged with the request id).
public typealias Handler = @Sendable (Request) async throws -> Response

/// Runs around every handler: look at or change the request, call `next` (or not), look at or change
/// the response. Request ids, access logs, authentication and error formatting are middleware.
///
/// ```swift
/// router.use { request, next in
///     var response = try await next(request)
///     response.headers["X-Request-Id"] = request.id
///     return response
/// }
/// ```
public typealias Middleware = @Sendable (_ request: Request, _ next: Handler) async throws -> Response
