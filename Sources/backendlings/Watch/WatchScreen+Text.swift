import Foundation
import Grader

/// The fixed texts of the watch screen and the small text helpers its regions share.
extension WatchScreen {
    // MARK: Words

    /// The labels before the lesson to read and the files to edit (the same width in both languages).
    static let readLabel = Words("Read:", id: "Baca:")
    static let editLabel = Words("Edit:", id: "Edit:")
    static let passes = Words("passes", id: "lulus")
    static let couldNotCheck = Words("Could not check:", id: "Tidak bisa mengecek:")
    static let translationUpdating = Words(
        " · translation being updated", id: " · terjemahannya sedang diperbarui")
    /// The key bar, each entry starting with its key. Entries are two spaces apart (a " · " between
    /// them would not leave room for every key in Indonesian); WatchScreenFrameTests checks that
    /// both languages fit 79 columns.
    static let keys = [
        Words("h hint", id: "h petunjuk"), Words("l list", id: "l daftar"), Words("n next", id: "n lanjut"),
        Words("r rerun", id: "r cek"), Words("s serve", id: "s serve"),
        Words("f full report", id: "f laporan"), Words("p progress", id: "p progres"),
        Words("q quit", id: "q keluar"),
    ]
    static let keySeparator = "  "

    // MARK: Helpers

    static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `07:10:35` in the learner's time zone.
    static func clock(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// "expected 409, got 201" from "POST /books → expected status 409 Conflict, got 201 Created".
    static func shortReason(_ check: CheckResult) -> String {
        let first = (check.message ?? check.name).split(separator: "\n").first.map(String.init) ?? check.name
        let afterArrow = first.range(of: "→ ").map { String(first[$0.upperBound...]) } ?? first
        return afterArrow.trimmingCharacters(in: .whitespaces)
    }
}
