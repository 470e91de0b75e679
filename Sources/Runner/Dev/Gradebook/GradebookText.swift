import Grader

/// Every text of the gradebook page, in English and Indonesian.
enum GradebookText {
    static let title = Words("Gradebook", id: "Daftar nilai")
    static let learner = Words("Learner", id: "Peserta")
    static let total = Words("Total", id: "Total")
    static let learners = Words("learners", id: "peserta")
    static let exercises = Words("exercises", id: "latihan")
    static let classScore = Words("Class score", id: "Nilai kelas")
    static let sortHint = Words(
        "Click a column's title to sort by it; click a score to see the check that failed.",
        id: "Klik judul kolom untuk mengurutkan; klik nilai untuk melihat pengecekan yang gagal.")
    static let attempts = Words("attempts", id: "percobaan")
    static let firstPass = Words("first pass after", id: "lulus pertama setelah")
    static let hints = Words("hints", id: "petunjuk")
    static let notGraded = Words("could not be graded", id: "tidak bisa dinilai")
    static let stuckTitle = Words("Where the class is stuck", id: "Di mana kelas tersendat")
    static let stuckEmpty = Words(
        "Every learner passes every exercise.", id: "Semua peserta lulus semua latihan.")
    static let learnersPass = Words("learners pass", id: "peserta lulus")
    static let learnersFail = Words("learners fail this check", id: "peserta gagal di pengecekan ini")
    static let detailTitle = Words("Why it does not pass", id: "Kenapa belum lulus")
    static let detailEmpty = Words(
        "Click a score to see its failing check here.",
        id: "Klik sebuah nilai untuk melihat pengecekan yang gagal di sini.")
    static let noMessage = Words("The check gave no message.", id: "Pengecekan ini tidak memberi pesan.")
    static let nothingRan = Words("No check could run", id: "Belum ada pengecekan yang bisa berjalan")
    static let of = Words("of", id: "dari")

    /// What each run's verdict is called in a cell's label.
    static func status(_ raw: String) -> Words {
        switch raw {
        case "pass": Words("passes", id: "lulus")
        case "fail": Words("fails", id: "gagal")
        case "error": Words("does not build or start", id: "tidak bisa di-build atau dijalankan")
        default: Words("not graded", id: "tidak dinilai")
        }
    }
}
