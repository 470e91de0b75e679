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
            return "\(path) was written by a newer backendlings (progress format \(found); this one "
                + "understands formats up to \(supported)). "
                + "Update backendlings (git pull), then run it again. "
                + "The file was left as it is."
        case .notDone(let id):
            return "Finish \(id) first: its checks have not passed yet. "
                + "Run `\(CommandNaming.current.command("check \(id)"))` to see what is left."
        case .fileSystem(let error):
            return error.description
        }
    }
}
