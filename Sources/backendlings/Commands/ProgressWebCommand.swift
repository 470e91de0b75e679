import Foundation
import Grader
import Runner

/// `backendlings progress --web [--port N]`: the progress page on 127.0.0.1 until Ctrl-C.
struct ProgressWebCommand {
    let app: App

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
