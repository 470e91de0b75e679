import Foundation
import Grader

/// The grader's side of BackendKit's controlled clock: writes the offset file that every server
/// of the run reads through `ServerClock.system`.
///
/// Written as a temp file and renamed into place, so a server never reads half a number and always
/// sees a new inode (BackendKit re-reads the file only when its identity changed).
enum ControlledClock {
    /// Must match BackendKit's `ClockOffsetFile.environmentVariable`.
    static let environmentVariable = "BACKENDKIT_CLOCK_OFFSET_FILE"

    static func write(_ offset: Duration, to file: URL) throws {
        let text = String(format: "%.6f\n", offset.timeInterval)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).\(UUID().uuidString.prefix(8))")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            let code = errno
            throw CheckFailure(
                Words(
                    "the grader could not move the clock: renaming \(temporary.path) failed (errno \(code))",
                    id:
                        "grader tidak bisa memajukan jam: gagal mengganti nama \(temporary.path) (errno \(code))"
                ))
        }
    }
}
