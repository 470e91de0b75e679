import BackendKit
import Foundation

/// A rate limit of 5 requests per minute per client, counted in the database so it holds across
/// instances, and `/whoami`, which shows the request facts the limit is based on.
enum LimitRoutes {
    static let limit = 5

    static func register(_ router: Router, _ kit: Kit) {
        router.get("/limited") { request in
            let client = kit.clientAddress(request)
            let window = Int(kit.now(request).timeIntervalSince1970 / 60)
            let count: Int
            if kit.variant == .perProcessState {
                count = kit.memory.hit("\(client)#\(window)")
            } else {
                count = try kit.db.transaction { tx in
                    try tx.execute(
                        "INSERT INTO hits (client, window, count) VALUES (?, ?, 1) ON CONFLICT (client, window) DO UPDATE SET count = count + 1",
                        client, window)
                    return try tx.queryOne(
                        Int.self, "SELECT count FROM hits WHERE client = ? AND window = ?", client, window)
                        ?? 0
                }
            }
            guard count <= limit else {
                throw HTTPError(
                    .tooManyRequests, detail: "At most \(limit) requests a minute.",
                    headers: ["Retry-After": "60"])
            }
            return .text("ok \(count)")
        }

        router.get("/whoami") { request in
            try .json(
                [
                    "peer": .string(request.peer?.host ?? ""),
                    "client": .string(kit.clientAddress(request)),
                    "forwarded": .array(
                        request.headers.elements(for: "X-Forwarded-For").map(JSONValue.string)),
                    "instance": .string(ProcessInfo.processInfo.environment["BACKENDLINGS_INSTANCE"] ?? ""),
                ] as JSONValue)
        }

        router.get("/slow") { request in
            let milliseconds = try request.query.int("ms") ?? 500
            try await Task.sleep(for: .milliseconds(min(milliseconds, 5000)))
            return .text("slept \(milliseconds) ms")
        }

        router.get("/hello") { _ in
            // Blocks the event loop, as heavy work would: 6 ms a request is 4.8 s of work for the
            // load check's 800 requests in 2 s, so a backlog is still waiting when the check's grace
            // after the schedule (half a second) ends, and requests fail every time. At 3 ms (2.4 s
            // of work) the backlog sometimes cleared within the grace, and the check failed on p99.
            if kit.variant == .slow { usleep(6000) }
            return .text("Hello, world!")
        }
    }
}
