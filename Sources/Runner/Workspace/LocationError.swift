/// Why the runner could not work out where the checkout, the pack or the workspace is.
public enum LocationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No folder with `Package.swift` and `Sources/BackendKit` was found.
    case noHome
    /// `BACKENDLINGS_HOME` names a folder that is not a checkout.
    case badHomeVariable(path: String)
    /// The pack folder does not exist or has no `Lessons/pack.json`.
    case noPack(path: String)
    /// The chosen workspace path is a file.
    case workspaceIsAFile(path: String)

    public var description: String {
        switch self {
        case .noHome:
            return "Could not find the Backendlings checkout (the folder with Package.swift and "
                + "Sources/BackendKit). Run backendlings from inside it with `swift run backendlings`, "
                + "or set BACKENDLINGS_HOME to its path."
        case .badHomeVariable(let path):
            return "BACKENDLINGS_HOME is set to \(path), but that folder has no Package.swift and "
                + "Sources/BackendKit. Set it to your Backendlings checkout, or unset it."
        case .noPack(let path):
            return "No lesson pack at \(path): expected \(path)/Lessons/pack.json"
        case .workspaceIsAFile(let path):
            return
                "\(path) is a file, but the workspace must be a folder. Choose another path with --workspace."
        }
    }
}
