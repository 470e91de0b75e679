import Grader

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
            return Words(
                "Could not find the Backendlings checkout (the folder with Package.swift and Sources/BackendKit). Run backendlings from inside it with `swift run backendlings`, or set BACKENDLINGS_HOME to its path.",
                id:
                    "Checkout Backendlings tidak ditemukan (folder yang berisi Package.swift dan Sources/BackendKit). Jalankan backendlings dari dalamnya dengan `swift run backendlings`, atau set BACKENDLINGS_HOME ke path-nya."
            ).text
        case .badHomeVariable(let path):
            return Words(
                "BACKENDLINGS_HOME is set to \(path), but that folder has no Package.swift and Sources/BackendKit. Set it to your Backendlings checkout, or unset it.",
                id:
                    "BACKENDLINGS_HOME di-set ke \(path), tapi folder itu tidak berisi Package.swift dan Sources/BackendKit. Set ke checkout Backendlings-mu, atau hapus variabelnya."
            ).text
        case .noPack(let path):
            return Words(
                "No lesson pack at \(path): expected \(path)/Lessons/pack.json",
                id: "Tidak ada paket pelajaran di \(path): seharusnya ada \(path)/Lessons/pack.json"
            ).text
        case .workspaceIsAFile(let path):
            return WorkspaceError.notAFolder(path: path).description
        }
    }
}
