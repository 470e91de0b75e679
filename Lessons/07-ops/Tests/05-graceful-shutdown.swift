import BackendKit
import Foundation
import GraderKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The drain time of the main shutdown run: long enough for a poll every 25 ms to see it many times.
private let drainSeconds = 0.5
/// How many shipments are in progress when the check sends SIGTERM.
private let shipmentsInFlight = 3

/// What the learner's server did after SIGTERM with shipments in progress, watched once and read by
/// several checks (one run costs about two seconds).
private struct ShutdownRun: Sendable {
    var orders: [Int]
    var shipments: [Result<ClientResponse, any Error>]
    /// `/readyz` answers after SIGTERM, in order: the status, or `nil` once a request failed.
    var readiness: [Int?]
    /// The `status` and `reason` of the first 503 `/readyz` answered after SIGTERM.
    var firstNotReady: (status: String?, reason: String?)?
    /// From SIGTERM to the first refused connection; `nil` when it kept accepting until the probe gave up.
    var refusedAfter: Duration?
    /// Whether connections were refused while the shipments were still held (in progress).
    var refusedWhileInProgress: Bool
    /// How it exited ("exited with status 1"), `nil` when it was still running and was killed.
    var exit: String?
    var exitedWithZero: Bool
    var killedBySIGTERM: Bool
    /// From the shipments' release to the exit.
    var exitedAfterRelease: Duration
    /// The size of the write-ahead log once the server exited; `nil` when there is none.
    var walBytes: Int?
    var output: String
}

/// What the `/readyz` poller saw after SIGTERM.
private struct Polled: Sendable {
    var statuses: [Int?] = []
    var firstNotReady: (status: String?, reason: String?)?
}

/// Runs the main observation once per exercise run; later checks read the same run.
private enum MainRun {
    private static let cache = Mutex<[ObjectIdentifier: ShutdownRun]>([:])

    static func get(_ t: TestContext) throws -> ShutdownRun {
        if let run = cache.withLock({ $0[ObjectIdentifier(t)] }) { return run }
        let run = try observe(t)
        cache.withLock { $0[ObjectIdentifier(t)] = run }
        return run
    }

    private static func observe(_ t: TestContext) throws -> ShutdownRun {
        try t.stopServer(grace: .seconds(1))
        let shipping = try HeldShipping(t)
        let instance = try t.startInstances(
            1,
            environment: Shop.environment(
                shipping.environment.merging([
                    "SHUTDOWN_DRAIN_SECONDS": String(drainSeconds), "SHUTDOWN_GRACE_SECONDS": "5",
                ]) { a, _ in a }))[0]
        let orders = try (0..<shipmentsInFlight).map { index in
            try Shop.paidOrder(t, instance.http, customer: "Customer \(index + 1)")
        }
        shipping.hold()
        let before = shipping.upstream.requests(to: "/labels").count
        let shipments = Background(shipmentsInFlight) { index in
            try instance.http.post("/orders/\(orders[index])/shipment", json: [:])
        }
        let arrived = shipping.upstream.waitForRequests(
            before + shipmentsInFlight, to: "/labels", timeout: .seconds(4))
        guard arrived.count >= before + shipmentsInFlight else {
            shipping.release()
            _ = shipments.wait()
            throw CheckFailure(
                Words(
                    "only \(arrived.count - before) of \(shipmentsInFlight) shipments reached the shipping service, so the check could not send SIGTERM with them in progress",
                    id:
                        "hanya \(arrived.count - before) dari \(shipmentsInFlight) pengiriman yang sampai ke layanan pengiriman, jadi pengecekan ini tidak bisa mengirim SIGTERM saat semuanya sedang berjalan"
                ))
        }
        let signalled = ContinuousClock.now
        let probeUntil = signalled + .milliseconds(Int(drainSeconds * 1000) + 1500)
        let poller = Background(1) { _ -> Polled in
            var seen = Polled()
            while ContinuousClock.now < probeUntil {
                guard let answer = try? instance.http.get("/readyz") else {
                    seen.statuses.append(nil)
                    break
                }
                seen.statuses.append(answer.status)
                if answer.status == 503 && seen.firstNotReady == nil {
                    seen.firstNotReady = try? Shop.members(answer)
                }
                if answer.status != 200 && answer.status != 503 { break }
                Thread.sleep(forTimeInterval: 0.025)
            }
            return seen
        }
        _ = instance.server.sendSignal(SIGTERM)
        var refusedAfter: Duration?
        while ContinuousClock.now < probeUntil && !instance.server.hasExited {
            if !instance.acceptsConnections {
                refusedAfter = ContinuousClock.now - signalled
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        if refusedAfter == nil && instance.server.hasExited { refusedAfter = ContinuousClock.now - signalled }
        let refusedWhileInProgress = refusedAfter != nil && !instance.server.hasExited
        let released = ContinuousClock.now
        shipping.release()
        let answers = shipments.wait()
        let status = instance.server.waitForExitBlocking(timeout: .seconds(4))
        let exitedAfterRelease = ContinuousClock.now - released
        if status == nil { _ = instance.server.stop(grace: .zero) }
        let wal = status == nil ? nil : Shop.walBytes(t)
        let polled = (try? poller.wait().first?.get()) ?? Polled()
        return ShutdownRun(
            orders: orders, shipments: answers, readiness: polled.statuses,
            firstNotReady: polled.firstNotReady, refusedAfter: refusedAfter,
            refusedWhileInProgress: refusedWhileInProgress, exit: status.map(String.init(describing:)),
            exitedWithZero: status?.isSuccess ?? false,
            killedBySIGTERM: status.map { "\($0)".contains("SIGTERM") } ?? false,
            exitedAfterRelease: exitedAfterRelease, walBytes: wal, output: instance.output)
    }
}

/// The last lines the server printed, for a failure message.
private func lastLines(_ output: String) -> String {
    let lines = output.split(separator: "\n").suffix(6)
    return lines.isEmpty ? "" : "\n" + lines.map { "    " + $0 }.joined(separator: "\n")
}

private let inFlightFinished = Words(
    "on SIGTERM the shipments in progress are finished: each is answered 201 with its tracking number",
    id:
        "saat SIGTERM, pengiriman yang sedang berjalan diselesaikan: masing-masing dijawab 201 dengan nomor resinya"
)

private let stopsAccepting = Words(
    "after the drain, new connections are refused while the requests in progress still finish",
    id: "setelah masa drain, koneksi baru ditolak sementara request yang sedang berjalan tetap diselesaikan")

let gracefulShutdown = ExerciseTests("ops05-graceful-shutdown") {
    Check(
        Words(
            "GET /readyz answers 200 {\"status\": \"ready\"} and a paid order is shipped (201, then 200 when asked again)",
            id:
                "GET /readyz menjawab 200 {\"status\": \"ready\"} dan pesanan yang sudah dibayar dikirim (201, lalu 200 saat diminta lagi)"
        ),
        hint: Words(
            "A running server is ready: call readiness.beginDraining() only after SIGTERM arrived (after stop.wait()), never at start.",
            id:
                "Server yang sedang berjalan itu siap: panggil readiness.beginDraining() hanya setelah SIGTERM datang (setelah stop.wait()), jangan saat mulai."
        )
    ) { t in
        let shipping = try HeldShipping(t)
        try t.startServer(environment: Shop.environment(shipping.environment))
        let ready = try t.http.get("/readyz").expectStatus(200)
        try requireEqual(
            try ready.json()["status"]?.string, "ready",
            Words("the status in GET /readyz", id: "status di GET /readyz"),
            response: ready)
        let order = try Shop.paidOrder(t, t.http)
        let shipped = try t.http.post("/orders/\(order)/shipment", json: [:]).expectStatus(201)
        try requireEqual(
            try shipped.json()["tracking_number"]?.string, HeldShipping.trackingNumber(order),
            Words("the tracking number of the shipment", id: "nomor resi pengirimannya"), response: shipped)
        try t.http.post("/orders/\(order)/shipment", json: [:]).expectStatus(200)
        try t.stopServer(grace: .seconds(1))
    }.asGuard()

    Check(
        inFlightFinished,
        hint: Words(
            "Catch SIGTERM: signal(SIGTERM, SIG_IGN) and a DispatchSource.makeSignalSource whose handler only wakes the main thread. Without it, SIGTERM ends the process at once; with exit(0) in the handler, too.",
            id:
                "Tangkap SIGTERM: signal(SIGTERM, SIG_IGN) dan DispatchSource.makeSignalSource yang handler-nya hanya membangunkan thread utama. Tanpa itu, SIGTERM langsung mengakhiri prosesnya; dengan exit(0) di handler juga."
        ),
        timeout: .seconds(25)
    ) { t in
        let run = try MainRun.get(t)
        for (index, result) in run.shipments.enumerated() {
            let what = Words(
                "shipment \(index + 1) of \(shipmentsInFlight) (order \(run.orders[index]))",
                id: "pengiriman \(index + 1) dari \(shipmentsInFlight) (pesanan \(run.orders[index]))")
            switch result {
            case .success(let response) where response.status == 201:
                continue
            case .success(let response):
                throw response.failure(
                    Words(
                        "\(what.en) was in progress when SIGTERM arrived and was answered \(response.status) instead of being finished",
                        id:
                            "\(what[.id]) sedang berjalan saat SIGTERM datang dan dijawab \(response.status), bukannya diselesaikan"
                    ))
            case .failure(let error):
                let cause: Words
                if run.killedBySIGTERM {
                    cause = Words(
                        "SIGTERM itself ended your server: nothing catches it, so its default action killed the process with its requests.",
                        id:
                            "SIGTERM sendiri yang mengakhiri server kamu: tidak ada yang menangkapnya, jadi aksi bawaannya mematikan proses beserta request-request-nya."
                    )
                } else if let status = run.exit, run.exitedAfterRelease < .milliseconds(200) {
                    cause = Words(
                        "your server \(status) before its requests were answered: does the signal handler exit?",
                        id:
                            "server kamu \(status) sebelum request-nya dijawab: apakah signal handler-nya memanggil exit?"
                    )
                } else {
                    cause = Words("", id: "")
                }
                throw CheckFailure(
                    Words(
                        "\(what.en) was in progress when SIGTERM arrived and never got its answer (\(error)). \(cause.en)",
                        id:
                            "\(what[.id]) sedang berjalan saat SIGTERM datang dan tidak pernah mendapat jawaban (\(error)). \(cause[.id])"
                    ).text + lastLines(run.output))
            }
        }
    }

    Check(
        stopsAccepting,
        hint: Words(
            "Call server.shutdown(grace:) right after the drain, not once the requests are done: it refuses new connections at once and waits for the ones in progress. A server that waits first keeps taking new clients.",
            id:
                "Panggil server.shutdown(grace:) tepat setelah masa drain, bukan setelah request-nya selesai: ia langsung menolak koneksi baru dan menunggu yang sedang berjalan. Server yang menunggu dulu terus menerima client baru."
        ),
        needs: inFlightFinished.en
    ) { t in
        let run = try MainRun.get(t)
        guard run.refusedWhileInProgress else {
            throw CheckFailure(
                Words(
                    "\(String(format: "%.1f", drainSeconds + 1.5)) s after SIGTERM (with SHUTDOWN_DRAIN_SECONDS=\(drainSeconds)) your server still accepted new connections while \(shipmentsInFlight) shipments were in progress. After the drain it must stop accepting, so the load balancer sends new clients to another instance.",
                    id:
                        "\(String(format: "%.1f", drainSeconds + 1.5)) detik setelah SIGTERM (dengan SHUTDOWN_DRAIN_SECONDS=\(drainSeconds)) server kamu masih menerima koneksi baru sementara \(shipmentsInFlight) pengiriman sedang berjalan. Setelah masa drain, ia harus berhenti menerima, supaya load balancer mengirim client baru ke instance lain."
                ))
        }
    }

    Check(
        Words(
            "once its last request is answered, the server exits by itself with status 0",
            id: "begitu request terakhirnya dijawab, server keluar sendiri dengan status 0"),
        hint: Words(
            "After server.shutdown(grace:) returns and nothing was abandoned, return 0 from Shutdown.serve. A supervisor reads any other status as a crash.",
            id:
                "Setelah server.shutdown(grace:) selesai dan tidak ada yang ditinggalkan, kembalikan 0 dari Shutdown.serve. Supervisor membaca status lain sebagai crash."
        ),
        needs: inFlightFinished.en, stopsAccepting.en
    ) { t in
        let run = try MainRun.get(t)
        guard let status = run.exit else {
            throw CheckFailure(
                Words(
                    "your server was still running 4 s after its last request was answered, so the grader killed it. Does Shutdown.serve return after server.shutdown(grace:)?",
                    id:
                        "server kamu masih berjalan 4 detik setelah request terakhirnya dijawab, jadi grader mematikannya. Apakah Shutdown.serve kembali setelah server.shutdown(grace:)?"
                ).text + lastLines(run.output))
        }
        guard run.exitedWithZero else {
            throw CheckFailure(
                Words(
                    "every request was finished, and then your server \(status). A clean shutdown exits with status 0; anything else tells Kubernetes or systemd that it crashed.",
                    id:
                        "semua request sudah diselesaikan, lalu server kamu \(status). Shutdown yang bersih keluar dengan status 0; status lain memberi tahu Kubernetes atau systemd bahwa ia crash."
                ).text + lastLines(run.output))
        }
    }

    Check(
        Words(
            "after SIGTERM, GET /readyz answers 503 {\"status\": \"not ready\", \"reason\": \"draining\"} and the server keeps accepting for SHUTDOWN_DRAIN_SECONDS",
            id:
                "setelah SIGTERM, GET /readyz menjawab 503 {\"status\": \"not ready\", \"reason\": \"draining\"} dan server tetap menerima koneksi selama SHUTDOWN_DRAIN_SECONDS"
        ),
        hint: Words(
            "First readiness.beginDraining(), then Thread.sleep(forTimeInterval: settings.drain), then server.shutdown(grace:). The load balancer needs that time to see the 503 and stop sending; a server that stops accepting at once refuses clients that were already on their way.",
            id:
                "Pertama readiness.beginDraining(), lalu Thread.sleep(forTimeInterval: settings.drain), lalu server.shutdown(grace:). Load balancer butuh waktu itu untuk melihat 503 dan berhenti mengirim; server yang langsung berhenti menerima menolak client yang sudah dalam perjalanan."
        ),
        needs: inFlightFinished.en
    ) { t in
        let run = try MainRun.get(t)
        let shown = run.readiness.map { $0.map(String.init) ?? "—" }.joined(separator: ", ")
        guard run.readiness.contains(503) else {
            throw CheckFailure(
                Words(
                    "after SIGTERM, GET /readyz never answered 503 (it answered: \(shown), where — is no answer). While the server drains, /readyz must say so, or the load balancer keeps sending it clients.",
                    id:
                        "setelah SIGTERM, GET /readyz tidak pernah menjawab 503 (jawabannya: \(shown), — berarti tidak ada jawaban). Selama server melakukan drain, /readyz harus mengatakannya, kalau tidak load balancer terus mengirim client ke sana."
                ))
        }
        if let first = run.firstNotReady, first.status != "not ready" || first.reason != "draining" {
            let (status, reason) = first
            throw CheckFailure(
                Words(
                    "after SIGTERM, GET /readyz answered 503 with status \(status.map { "\"\($0)\"" } ?? "none") and reason \(reason.map { "\"\($0)\"" } ?? "none"): a draining server says {\"status\": \"not ready\", \"reason\": \"draining\"}, so whoever reads the probe knows it is stopping, not broken.",
                    id:
                        "setelah SIGTERM, GET /readyz menjawab 503 dengan status \(status.map { "\"\($0)\"" } ?? "tidak ada") dan reason \(reason.map { "\"\($0)\"" } ?? "tidak ada"): server yang sedang drain mengatakan {\"status\": \"not ready\", \"reason\": \"draining\"}, supaya siapa pun yang membaca probe-nya tahu ia sedang berhenti, bukan rusak."
                ))
        }
        let drain = Duration.milliseconds(Int(drainSeconds * 800))
        if let refused = run.refusedAfter, refused < drain {
            throw CheckFailure(
                Words(
                    "your server refused new connections \(refused) after SIGTERM, before SHUTDOWN_DRAIN_SECONDS=\(drainSeconds) was over. During the drain it still serves; it stops accepting only after it.",
                    id:
                        "server kamu menolak koneksi baru \(refused) setelah SIGTERM, sebelum SHUTDOWN_DRAIN_SECONDS=\(drainSeconds) habis. Selama masa drain ia tetap melayani; ia baru berhenti menerima setelahnya."
                ))
        }
    }

    Check(
        Words(
            "the database is closed cleanly: after the exit its write-ahead log is checkpointed (empty), integrity_check says ok, and every shipment is stored",
            id:
                "database ditutup dengan bersih: setelah keluar, write-ahead log-nya sudah di-checkpoint (kosong), integrity_check bilang ok, dan setiap pengiriman tersimpan"
        ),
        hint: Words(
            "After server.shutdown(grace:), run try database.queryOne(\"PRAGMA wal_checkpoint(TRUNCATE)\"): it copies the log into the database file and empties it. Not before: requests in progress still write.",
            id:
                "Setelah server.shutdown(grace:), jalankan try database.queryOne(\"PRAGMA wal_checkpoint(TRUNCATE)\"): ia menyalin log ke file database dan mengosongkannya. Jangan sebelumnya: request yang sedang berjalan masih menulis."
        ),
        needs: inFlightFinished.en
    ) { t in
        let run = try MainRun.get(t)
        if let wal = run.walBytes, wal > 0 {
            throw CheckFailure(
                Words(
                    "after your server exited, learner.sqlite-wal still holds \(wal) bytes of committed writes that are not in learner.sqlite. A backup that copies the database file alone loses them: checkpoint after the last request (PRAGMA wal_checkpoint(TRUNCATE)).",
                    id:
                        "setelah server kamu keluar, learner.sqlite-wal masih berisi \(wal) byte tulisan yang sudah di-commit tetapi belum ada di learner.sqlite. Backup yang hanya menyalin file database kehilangan semuanya: lakukan checkpoint setelah request terakhir (PRAGMA wal_checkpoint(TRUNCATE))."
                ))
        }
        let database = try t.database()
        let integrity = try database.queryOne("PRAGMA integrity_check")?.string("integrity_check")
        try requireEqual(
            integrity, "ok",
            Words("PRAGMA integrity_check after the exit", id: "PRAGMA integrity_check setelah keluar"))
        for order in run.orders {
            let row = try database.queryOne("SELECT tracking_number FROM shipments WHERE order_id = ?", order)
            try requireEqual(
                try row?.string("tracking_number"), HeldShipping.trackingNumber(order),
                Words(
                    "the stored tracking number of order \(order), shipped during the shutdown",
                    id: "nomor resi tersimpan untuk pesanan \(order), yang dikirim saat shutdown"))
        }
    }

    Check(
        Words(
            "a request still running at the deadline does not hold the shutdown: the server exits after SHUTDOWN_GRACE_SECONDS with a non-zero status",
            id:
                "request yang masih berjalan saat tenggat tidak menahan shutdown: server keluar setelah SHUTDOWN_GRACE_SECONDS dengan status bukan nol"
        ),
        hint: Words(
            "Pass settings.grace to server.shutdown(grace:), never a wait without an end. Afterwards inFlight.count above 0 means requests were abandoned: log how many and return 1, so the supervisor knows the stop was not clean.",
            id:
                "Berikan settings.grace ke server.shutdown(grace:), jangan menunggu tanpa batas. Setelahnya, inFlight.count di atas 0 berarti ada request yang ditinggalkan: catat berapa banyak dan kembalikan 1, supaya supervisor tahu berhentinya tidak bersih."
        ),
        needs: inFlightFinished.en, stopsAccepting.en,
        timeout: .seconds(20)
    ) { t in
        try t.stopServer(grace: .seconds(1))
        let shipping = try HeldShipping(t, patience: 7)
        let instance = try t.startInstances(
            1,
            environment: Shop.environment(
                shipping.environment.merging(["SHUTDOWN_DRAIN_SECONDS": "0", "SHUTDOWN_GRACE_SECONDS": "1"]) {
                    a, _ in a
                }))[0]
        let order = try Shop.paidOrder(t, instance.http, customer: "Slow Courier")
        shipping.hold()
        defer { shipping.release() }
        let before = shipping.upstream.requests(to: "/labels").count
        let stuck = Background(1) { _ in try instance.http.post("/orders/\(order)/shipment", json: [:]) }
        _ = shipping.upstream.waitForRequests(before + 1, to: "/labels", timeout: .seconds(4))
        let signalled = ContinuousClock.now
        _ = instance.server.sendSignal(SIGTERM)
        let status = instance.server.waitForExitBlocking(timeout: .seconds(3))
        let waited = ContinuousClock.now - signalled
        if status == nil { _ = instance.server.stop(grace: .zero) }
        shipping.release()
        _ = stuck.wait()
        guard let status else {
            throw CheckFailure(
                Words(
                    "with SHUTDOWN_GRACE_SECONDS=1 and one shipment that never finished, your server was still running \(waited) after SIGTERM, so the grader killed it. A hung request must not block the shutdown for ever.",
                    id:
                        "dengan SHUTDOWN_GRACE_SECONDS=1 dan satu pengiriman yang tidak pernah selesai, server kamu masih berjalan \(waited) setelah SIGTERM, jadi grader mematikannya. Request yang macet tidak boleh menahan shutdown selamanya."
                ).text + lastLines(instance.output))
        }
        guard !status.isSuccess else {
            throw CheckFailure(
                Words(
                    "your server abandoned a request still running at the deadline and exited with status 0, as if all went well. Exit non-zero (return 1) so the supervisor and your logs know a request was cut off.",
                    id:
                        "server kamu meninggalkan request yang masih berjalan saat tenggat dan keluar dengan status 0, seolah semuanya baik-baik saja. Keluar dengan status bukan nol (return 1) supaya supervisor dan log kamu tahu ada request yang terputus."
                ).text + lastLines(instance.output))
        }
    }
}
