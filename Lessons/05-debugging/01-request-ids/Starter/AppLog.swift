import Foundation

/// The shop's first logger, from before the app used BackendKit's: it writes a timestamp, the level
/// and the message to stderr, one `write` per line so that lines of concurrent requests do not mix.
enum AppLog {
    static func info(_ message: String) { write("INFO   ", message) }
    static func warning(_ message: String) { write("WARNING", message) }

    private static func write(_ level: String, _ message: String) {
        let line = "\(Date().formatted(.iso8601)) \(level) \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
