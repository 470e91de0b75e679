import Foundation
import Grader

/// Something the learner must be told about their progress file even though the command goes on:
/// today, only that an unreadable file was moved aside and a fresh record started.
public struct ProgressNotice: Sendable, Equatable, CustomStringConvertible {
    /// Where the unreadable file now is.
    public var movedTo: URL
    /// How `movedTo` is shown (relative to the current directory when inside it).
    public var displayPath: String
    /// Why it could not be read, e.g. "it is not valid JSON".
    public var reason: String

    public var description: String {
        Words(
            "Your progress file could not be read (\(reason)), so it was moved to \(displayPath) and a fresh record was started. Your code was not touched; backendlings will check your exercises again to rebuild your progress.",
            id:
                "File progresmu tidak bisa dibaca (\(reason)), jadi dipindahkan ke \(displayPath) dan catatan baru dimulai. Kodemu tidak disentuh; backendlings akan mengecek ulang latihanmu untuk menyusun kembali progresmu."
        ).text
    }
}
