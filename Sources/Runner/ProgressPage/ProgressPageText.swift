import Grader

/// Every text of the progress page, in English and Indonesian.
enum ProgressPageText {
    static let title = Words("Your progress", id: "Progres kamu")
    static let done = Words("Done", id: "Selesai")
    static let hintsUsed = Words("Hints used", id: "Petunjuk dipakai")
    static let timeSpent = Words("Time spent", id: "Waktu belajar")
    static let exercisesDone = Words("exercises done", id: "latihan selesai")
    static let exercise = Words("Exercise", id: "Latihan")
    static let status = Words("Status", id: "Status")
    static let attempts = Words("Attempts", id: "Percobaan")
    static let time = Words("Time", id: "Waktu")
    static let hints = Words("Hints", id: "Petunjuk")
    static let current = Words("current", id: "sekarang")
    static let currentExercise = Words("Current exercise", id: "Latihan sekarang")
    static let latestFailure = Words("Latest failure", id: "Kegagalan terakhir")
    static let noFailure = Words(
        "No failing check: the latest check of this exercise passed, or it has not been checked yet.",
        id:
            "Tidak ada pengecekan yang gagal: pengecekan terakhir latihan ini lulus, atau latihan ini belum pernah dicek."
    )
    static let didNotRun = Words(
        "No check could run", id: "Belum ada pengecekan yang bisa berjalan")
    static let chart = Words("Checks passing over time", id: "Pengecekan yang lulus dari waktu ke waktu")
    static let chartEmpty = Words(
        "The chart starts with your first check. Save a file in watch mode, or run backendlings check.",
        id:
            "Grafik ini mulai dari pengecekan pertamamu. Simpan file di mode watch, atau jalankan backendlings check."
    )
    static let chartLabel = Words(
        "Checks passing over all exercises after each check",
        id: "Jumlah pengecekan yang lulus di semua latihan setelah tiap pengecekan")
    static let live = Words(
        "This page updates itself while you work.",
        id: "Halaman ini memperbarui dirinya sendiri selagi kamu bekerja.")
    static let offline = Words(
        "backendlings progress --web has stopped: this page no longer updates.",
        id: "backendlings progress --web sudah berhenti: halaman ini tidak diperbarui lagi.")
    static let minutes = Words("min", id: "menit")
    static let hours = Words("h", id: "jam")
    static let lessThanAMinute = Words("< 1 min", id: "< 1 menit")

    /// What each standing is called on the page: the same four states `list` shows.
    static func standing(_ raw: String) -> Words {
        switch raw {
        case "done": Words("done", id: "selesai")
        case "broken": Words("done, failing now", id: "selesai, sekarang gagal")
        case "failing": Words("failing", id: "gagal")
        default: Words("not started", id: "belum mulai")
        }
    }

    /// `12 min`, `1 h 5 min`: time spent, rounded down to the minute.
    static func duration(_ seconds: Int, in language: Language) -> String {
        let minutes = seconds / 60
        if minutes < 1 { return seconds == 0 ? "–" : lessThanAMinute[language] }
        if minutes < 60 { return "\(minutes) \(self.minutes[language])" }
        return "\(minutes / 60) \(hours[language]) \(minutes % 60) \(self.minutes[language])"
    }
}
