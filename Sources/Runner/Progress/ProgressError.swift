import Grader

/// Why a progress operation was refused or failed.
public enum ProgressError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file was written by a newer backendlings; it was left untouched.
    case newerFormat(path: String, found: Int, supported: Int)
    /// `next` while the current exercise is not done.
    case notDone(id: String)
    /// The progress file or its lock could not be read or written.
    case fileSystem(FileSystemError)

    public var description: String {
        switch self {
        case .newerFormat(let path, let found, let supported):
            return Words(
                "\(path) was written by a newer backendlings (progress format \(found); this one understands formats up to \(supported)). Update backendlings (git pull), then run it again. The file was left as it is.",
                id:
                    "\(path) ditulis oleh backendlings yang lebih baru (format progres \(found); versi ini hanya paham sampai format \(supported)). Perbarui backendlings (git pull), lalu jalankan lagi. File-nya tidak diubah."
            ).text
        case .notDone(let id):
            let check = CommandNaming.current.command("check \(id)")
            return Words(
                "Finish \(id) first: its checks have not passed yet. Run `\(check)` to see what is left.",
                id:
                    "Selesaikan \(id) dulu: pengecekannya belum lulus. Jalankan `\(check)` untuk melihat apa yang masih kurang."
            ).text
        case .fileSystem(let error):
            return error.description
        }
    }
}
