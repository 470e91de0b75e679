import Foundation
import Grader

/// Controlled time: move the learner's clock instead of sleeping.
///
/// Every server the context starts reads the time of day through BackendKit's `ServerClock`, which
/// adds an offset the grader keeps in a file; monotonic timeouts keep real time. Moving the clock
/// works at once, across restarts and for every instance.
///
/// ```swift
/// try t.http.post("/sessions", json: ["user": "ayu"]).expectStatus(201)
/// try t.advanceClock(by: .minutes(16))
/// try t.http.get("/me").expectStatus(401)       // the session expired after 15 idle minutes
/// ```
extension TestContext {
    /// Moves every server's clock forward by `offset` (negative moves it back), on top of earlier moves.
    public func advanceClock(by offset: Duration) throws {
        let total = resources.lock.withLock { resources.clockOffset + offset }
        try setClockOffset(total)
    }

    /// Puts every server's clock `offset` away from the real time (`.zero` undoes all moves).
    public func setClockOffset(_ offset: Duration) throws {
        try ControlledClock.write(offset, to: resources.clockFile)
        resources.lock.withLock {
            resources.clockOffset = offset
            resources.clockMoves += 1
        }
    }

    /// How far the servers' clocks are from the real time.
    public var clockOffset: Duration { resources.lock.withLock { resources.clockOffset } }

    /// The time the servers' clocks show now.
    public var serverNow: Date { Date().addingTimeInterval(clockOffset.timeInterval) }

    /// Fails unless `response`'s `Date` header shows the moved clock (within 5 seconds), which proves
    /// the server reads time through BackendKit's clock at all. Call it after `advanceClock` when a
    /// later failure could otherwise be blamed on the learner's logic.
    public func requireServerClockMoved(_ response: ClientResponse) throws {
        let expected = serverNow
        guard let shown = response.serverDate else {
            throw response.failure(
                Words(
                    "the response has no valid Date header, so the grader cannot tell which time your server thinks it is",
                    id:
                        "response-nya tidak punya header Date yang valid, jadi grader tidak bisa tahu jam berapa "
                        + "menurut server kamu"
                ))
        }
        guard abs(shown.timeIntervalSince(expected)) > Self.clockTolerance else { return }
        let moved = Self.spoken(clockOffset)
        let (said, wanted) = (HTTPDate.format(shown), HTTPDate.format(expected))
        throw response.failure(
            Words(
                "the grader moved your server's clock by \(moved), but its Date header still says \(said) instead "
                    + "of about \(wanted). The server does not read the time through BackendKit's ServerClock: was "
                    + "it started with a clock of its own (ServerConfiguration.clock), or without "
                    + "BACKENDKIT_CLOCK_OFFSET_FILE?",
                id:
                    "grader sudah memajukan jam server kamu \(moved), tapi header Date-nya masih \(said), bukan "
                    + "sekitar \(wanted). Server-nya tidak membaca waktu lewat ServerClock dari BackendKit: apakah "
                    + "ia dijalankan dengan jam sendiri (ServerConfiguration.clock), atau tanpa "
                    + "BACKENDKIT_CLOCK_OFFSET_FILE?"
            ),
            hint: Words(
                "Start the server with Server(router: router).run() and read time from request.now.",
                id: "Jalankan server dengan Server(router: router).run() dan baca waktu dari request.now."
            ))
    }

    /// How far a Date header may be from the expected time (it has whole seconds; checks take time).
    static let clockTolerance: TimeInterval = 5

    /// "16 minutes", "90 seconds", "2 hours".
    static func spoken(_ offset: Duration) -> String {
        let seconds = Int(abs(offset.timeInterval).rounded())
        let sign = offset < .zero ? "-" : ""
        if seconds % 3600 == 0 && seconds >= 3600 {
            let hours = seconds / 3600
            return sign + Words("\(hours) hour\(hours == 1 ? "" : "s")", id: "\(hours) jam").text
        }
        if seconds % 60 == 0 && seconds >= 60 {
            let minutes = seconds / 60
            return sign + Words("\(minutes) minute\(minutes == 1 ? "" : "s")", id: "\(minutes) menit").text
        }
        return sign + Words("\(seconds) second\(seconds == 1 ? "" : "s")", id: "\(seconds) detik").text
    }

    /// The hint the runner adds to a failure in a check that moved the clock: the usual cause of a
    /// session that never expires is code that calls `Date()` itself.
    static func clockHint(offset: Duration) -> String {
        Words(
            "This check moved your server's clock \(spoken(offset)) ahead. Code that calls Date() does not see "
                + "that: read the time from request.now (or the ServerClock you pass to your types).",
            id:
                "Pengecekan ini memajukan jam server kamu \(spoken(offset)). Kode yang memanggil Date() tidak "
                + "melihatnya: baca waktu dari request.now (atau ServerClock yang kamu berikan ke tipe-tipemu)."
        ).text
    }
}
