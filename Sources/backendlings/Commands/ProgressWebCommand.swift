import Foundation
import Grader
import Runner

/// `backendlings progress --web [--port N]`: the progress page on 127.0.0.1 until Ctrl-C.
struct ProgressWebCommand {
    let app: App

    /// 0 (any free port) unless `BACKENDLINGS_PROGRESS_PORT` names one: a fixed address keeps a
    /// browser tab working across watch sessions. Used by `progress --web` without `--port` and
    /// by `p` in watch mode.
    static var defaultPort: Int {
        ProcessInfo.processInfo.environment["BACKENDLINGS_PROGRESS_PORT"].flatMap(Int.init).flatMap {
            (0...65_535).contains($0) ? $0 : nil
        } ?? 0
    }

    func run(port: Int) throws -> Int32 {
        let context = try app.context()
        let server = ProgressPageServer(pack: context.pack, store: context.progressStore, port: port)
        do {
            try server.start()
        } catch {
            throw RunnerFailure(
                Words(
                    "The progress page could not start on port \(port): \(error). Try another port with --port, "
                        + "or leave it out to use any free port.",
                    id:
                        "Halaman progres tidak bisa jalan di port \(port): \(error). Coba port lain dengan --port, "
                        + "atau hapus --port supaya port yang kosong dipakai."
                ))
        }
        let url = server.url ?? ""
        Console.out(
            Words("Your progress page: ", id: "Halaman progres kamu: ").text + app.style.bold(url) + "\n"
                + app.style.dim(
                    Words(
                        "Open it in a browser; it follows your checks as you work. Stop: Ctrl-C",
                        id:
                            "Buka di browser; halaman ini mengikuti pengecekanmu selagi kamu bekerja. Berhenti: Ctrl-C"
                    ).text) + "\n")
        // Ctrl-C ends the process through the shutdown hooks of `Main` (nothing here writes files,
        // so there is nothing to finish first).
        server.waitUntilStopped()
        return 0
    }
}
