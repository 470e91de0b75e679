import Grader

/// Why a workspace operation stopped. Paths are already in the form the learner should see
/// (relative to the current directory when inside it).
public enum WorkspaceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The workspace folder does not exist yet.
    case missingWorkspace(path: String)
    /// The workspace has no `Package.swift`.
    case missingPackageManifest(path: String)
    /// An exercise's folder is not in the workspace.
    case missingExercise(id: String, path: String)
    /// The workspace path is a file.
    case notAFolder(path: String)
    /// The folder holds other things; backendlings will not write into it.
    case notAWorkspace(path: String)
    /// The workspace would be the checkout or the pack itself (or a folder above them).
    case unsafeLocation(path: String, suggestion: String)
    /// The workspace would be inside one of the pack's or the checkout's own folders (`folder`).
    case insideCheckout(path: String, folder: String, suggestion: String)
    /// A reset's backup did not match the learner's folder, so nothing was replaced.
    case backupMismatch(id: String, backup: String)
    case fileSystem(FileSystemError)
    case progress(ProgressError)

    public var description: String {
        switch self {
        case .missingWorkspace(let path):
            let start = CommandNaming.current.command()
            return Words(
                "No workspace at \(path) yet. Run `\(start)` to create it.",
                id: "Belum ada workspace di \(path). Jalankan `\(start)` untuk membuatnya."
            ).text
        case .missingPackageManifest(let path):
            let start = CommandNaming.current.command()
            return Words(
                "\(path) is missing. Run `\(start)` to generate it again.",
                id: "\(path) hilang. Jalankan `\(start)` untuk membuatnya lagi."
            ).text
        case .missingExercise(let id, let path):
            let reset = CommandNaming.current.command("reset \(id)")
            return Words(
                "\(path) is missing. Run `\(reset)` to get the starter back.",
                id: "\(path) hilang. Jalankan `\(reset)` untuk mendapatkan kode awalnya lagi."
            ).text
        case .notAFolder(let path):
            return Words(
                "\(path) is a file, but the workspace must be a folder. Choose another path with --workspace.",
                id:
                    "\(path) adalah file, padahal workspace harus berupa folder. Pilih path lain dengan --workspace."
            ).text
        case .notAWorkspace(let path):
            return Words(
                "\(path) already holds files that are not a backendlings workspace, so backendlings will not write there. Choose a new or empty folder with --workspace.",
                id:
                    "\(path) sudah berisi file yang bukan workspace backendlings, jadi backendlings tidak akan menulis di sana. Pilih folder baru atau kosong dengan --workspace."
            ).text
        case .unsafeLocation(let path, let suggestion):
            return Words(
                "\(path) is the Backendlings checkout or lesson pack (or a folder above it), so it cannot be the workspace. Use a folder of its own, such as \(suggestion).",
                id:
                    "\(path) adalah checkout Backendlings atau paket pelajaran (atau folder di atasnya), jadi tidak bisa jadi workspace. Pakai folder tersendiri, misalnya \(suggestion)."
            ).text
        case .insideCheckout(let path, let folder, let suggestion):
            return Words(
                "\(path) is inside \(folder), a folder of the Backendlings checkout or lesson pack, so it cannot be the workspace. Use a folder of its own, such as \(suggestion).",
                id:
                    "\(path) ada di dalam \(folder), folder milik checkout Backendlings atau paket pelajaran, jadi tidak bisa jadi workspace. Pakai folder tersendiri, misalnya \(suggestion)."
            ).text
        case .backupMismatch(let id, let backup):
            return Words(
                "The backup of \(id) in \(backup) does not match your folder, so nothing was reset and your code is untouched. Check that the disk is not full, then try again.",
                id:
                    "Backup \(id) di \(backup) tidak sama dengan folder-mu, jadi tidak ada yang di-reset dan kodemu tidak disentuh. Pastikan disk tidak penuh, lalu coba lagi."
            ).text
        case .fileSystem(let error):
            return error.description
        case .progress(let error):
            return error.description
        }
    }
}
