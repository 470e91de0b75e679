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
            return "No workspace at \(path) yet. Run `\(CommandNaming.current.command())` to create it."
        case .missingPackageManifest(let path):
            return "\(path) is missing. Run `\(CommandNaming.current.command())` to generate it again."
        case .missingExercise(let id, let path):
            return
                "\(path) is missing. Run `\(CommandNaming.current.command("reset \(id)"))` to get the starter back."
        case .notAFolder(let path):
            return
                "\(path) is a file, but the workspace must be a folder. Choose another path with --workspace."
        case .notAWorkspace(let path):
            return "\(path) already holds files that are not a backendlings workspace, so backendlings will "
                + "not write there. Choose a new or empty folder with --workspace."
        case .unsafeLocation(let path, let suggestion):
            return
                "\(path) is the Backendlings checkout or lesson pack (or a folder above it), so it cannot be "
                + "the workspace. Use a folder of its own, such as \(suggestion)."
        case .insideCheckout(let path, let folder, let suggestion):
            return "\(path) is inside \(folder), a folder of the Backendlings checkout or lesson pack, so it "
                + "cannot be the workspace. Use a folder of its own, such as \(suggestion)."
        case .backupMismatch(let id, let backup):
            return "The backup of \(id) in \(backup) does not match your folder, so nothing was reset and "
                + "your code is untouched. Check that the disk is not full, then try again."
        case .fileSystem(let error):
            return error.description
        case .progress(let error):
            return error.description
        }
    }
}
