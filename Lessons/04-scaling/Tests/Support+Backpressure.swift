import BackendKit
import Foundation
import GraderKit

/// The fake preview service of the backpressure checks. It holds every answer until the check
/// releases it (or `patience` passed), so the check decides exactly how many requests are in
/// flight in the server: ordering and counts, never milliseconds.
final class HeldPreviews: @unchecked Sendable {
    // @unchecked Sendable: `released` and `failing` are guarded by `condition`.
    /// The most a held answer waits when the check never releases it (a server that queued the
    /// extra requests behind the held ones).
    static let patience: TimeInterval = 4

    let upstream: FakeUpstream
    private let condition = NSCondition()
    private var released = false
    private var failing = false

    init(_ t: TestContext) throws {
        upstream = try t.fakeUpstream("previews")
        try upstream.on(.get, "/preview", [.custom { [self] _ in answer() }])
    }

    /// The environment that points the server at this service.
    var environment: [String: String] { ["PREVIEW_URL": upstream.url] }

    /// Every answer waits from now on, until `release`.
    func hold() { condition.withLock { released = false } }

    /// Lets every held answer (and every later one) go.
    func release() {
        condition.withLock {
            released = true
            condition.broadcast()
        }
    }

    /// Whether answers are still held.
    var isHolding: Bool { condition.withLock { !released } }

    /// From now on the service answers 500 at once (or, with `false`, normally again).
    func fail(_ on: Bool) { condition.withLock { failing = on } }

    /// How many calls reached the service so far.
    var calls: Int { upstream.requests(to: "/preview").count }

    private func answer() -> UpstreamBehaviour {
        condition.lock()
        defer { condition.unlock() }
        if failing { return .status(500) }
        let deadline = Date(timeIntervalSinceNow: Self.patience)
        while !released && condition.wait(until: deadline) {}
        return .json(["title": "A page worth a preview"])
    }
}

/// What happened while the server was kept full.
struct Overload {
    /// The answers to the requests that reached the preview service and were held.
    var held: [ClientResponse]
    /// The other requests, each with whether it was answered while the held ones still waited.
    var extra: [(response: ClientResponse, whileHeld: Bool)]
    /// The calls the preview service had received when the check released it.
    var callsWhileHeld: Int

    /// Sends `held` previews of `code`, waits until they all reached the (holding) preview
    /// service, then sends each of `extra`; releases the service once every extra was answered.
    static func run(
        _ t: TestContext, _ previews: HeldPreviews, code: String, held: Int, extra: [String]
    ) throws -> Overload {
        previews.hold()
        let before = previews.calls
        let state = OverloadState(extras: extra.count)
        let results = t.concurrently(held + extra.count) { index -> (ClientResponse, Bool) in
            if index < held { return (try t.http.get("/links/\(code)/preview"), false) }
            _ = previews.upstream.waitForRequests(before + held, to: "/preview", timeout: .seconds(3))
            defer {
                if state.finishOne() {
                    state.calls = previews.calls - before
                    previews.release()
                }
            }
            let response = try t.http.get(extra[index - held])
            return (response, previews.isHolding)
        }
        previews.release()
        var overload = Overload(held: [], extra: [], callsWhileHeld: 0)
        for (index, result) in results.enumerated() {
            let (response, whileHeld) = try result.get()
            if index < held {
                overload.held.append(response)
            } else {
                overload.extra.append((response, whileHeld))
            }
        }
        overload.callsWhileHeld = state.calls ?? (previews.calls - before)
        return overload
    }
}

/// Counts the extra requests answered, shared by the check's threads.
private final class OverloadState: @unchecked Sendable {
    // @unchecked Sendable: every field is guarded by `lock`.
    private let lock = NSLock()
    private var left: Int
    private var seenCalls: Int?

    init(extras: Int) { left = extras }

    /// Marks one extra request answered; true for the last one.
    func finishOne() -> Bool {
        lock.withLock {
            left -= 1
            return left == 0
        }
    }

    var calls: Int? {
        get { lock.withLock { seenCalls } }
        set { lock.withLock { seenCalls = newValue } }
    }
}
