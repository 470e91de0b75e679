import BackendKit

/// The outermost middleware: every request passes through it, and every error thrown by a route,
/// by the router (404, 405) or by other code reaches it.
///
/// A teammate wrote this version in a hurry. Clients now get three different error shapes, lose
/// headers such as Allow, and a crash sends them the text of the Swift error.
func installErrorHandling(on router: Router) {
    router.use { request, next in
        // TODO(learner): make every answer consistent:
        //   - An HTTPError becomes its problem document with error.response(instance: request.path)
        //     (it keeps the error's headers, such as Allow on a 405).
        //   - Any other error is a bug: log it with request.logger.error(...), and answer a 500
        //     problem document that says nothing about the code, only the request id.
        //   - Every answer, error or not, gets the header X-Request-Id: request.id.
        do {
            return try await next(request)
        } catch let error as HTTPError {
            return try .json(["error": error.detail ?? error.title], status: error.status)
        } catch {
            return try .json(["error": "\(error)"], status: .internalServerError)
        }
    }
}
