import Foundation

/// The real crash outputs in `Samples/` (see its README): what the Swift 6.3 runtime printed on Linux.
enum CrashSamples {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Samples")
    /// The workspace the samples' paths were rewritten to.
    static let workspace = "/home/ayu/backendlings/workspace"
    static let folder = "01-databases/02-insert-fetch"

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appending(path: name + ".txt"), encoding: .utf8)
    }
}
