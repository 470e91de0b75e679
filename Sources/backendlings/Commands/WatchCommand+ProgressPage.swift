import Grader
import Runner

extension WatchCommand {
    /// `p`: where this session's progress page is (its server starts on the first press and stops
    /// when watch mode ends), or why it could not start.
    func progressPage(_ coordinator: WatchCoordinator) async -> String {
        let style = app.style
        do {
            let url = try await coordinator.progressPageURL()
            return style.bold(Words("Progress page: ", id: "Halaman progres: ").text) + url + "\n"
                + style.dim(
                    Words(
                        "Open it in a browser: it follows your checks until you quit watch mode.",
                        id: "Buka di browser: halaman ini mengikuti pengecekanmu sampai mode watch ditutup."
                    ).text)
        } catch {
            let port = ProgressWebCommand.defaultPort
            let problem = style.failure(
                Words(
                    "The progress page could not start on port \(port): \(error).",
                    id: "Halaman progres tidak bisa jalan di port \(port): \(error)."
                ).text)
            guard port != 0 else { return problem }
            return problem + " "
                + Words(
                    "Set BACKENDLINGS_PROGRESS_PORT to another port, or unset it to use any free port.",
                    id:
                        "Set BACKENDLINGS_PROGRESS_PORT ke port lain, atau hapus supaya port yang kosong dipakai."
                ).text
        }
    }
}
