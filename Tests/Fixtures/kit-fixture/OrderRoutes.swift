import BackendKit
import Foundation

/// An order charges the payment service, retrying failures up to 3 times with growing pauses and
/// one Idempotency-Key, so a charge that went through before a failure is not made twice.
enum OrderRoutes {
    static let attempts = 3
    static let firstPause: Duration = .milliseconds(100)

    static func register(_ router: Router, _ kit: Kit) {
        router.post("/orders") { request in
            guard let payments = kit.configuration.payments else {
                throw HTTPError(.serviceUnavailable, detail: "PAYMENTS_URL is not configured.")
            }
            let amount = try request.json()["amount"]?.int ?? 0
            var key = SecureRandom.token(byteCount: 16)
            var pause = firstPause
            var lastProblem = "no attempt"
            for attempt in 1...(kit.variant == .noRetry ? 1 : attempts) {
                if attempt > 1 {
                    try await Task.sleep(for: pause)
                    pause *= 2
                    if kit.variant == .newKeyPerRetry { key = SecureRandom.token(byteCount: 16) }
                }
                do {
                    let answer = try await payments.post(
                        "/charges", json: ["amount": .number(Double(amount))],
                        headers: ["Idempotency-Key": key])
                    if answer.isSuccess {
                        return try .json(
                            [
                                "charge": (try? answer.json()["id"]) ?? .null,
                                "attempts": .number(Double(attempt)),
                            ], status: .created)
                    }
                    lastProblem = "the payment service answered \(answer.status.code)"
                    if answer.status.code < 500 { break }  // a refusal: retrying will not help
                } catch {
                    lastProblem = String(describing: error)
                    request.logger.warning("Charge attempt \(attempt) failed: \(error)")
                }
            }
            throw HTTPError(.badGateway, detail: "The payment did not go through: \(lastProblem)")
        }
    }
}
