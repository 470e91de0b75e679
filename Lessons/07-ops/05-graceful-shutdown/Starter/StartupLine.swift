import Foundation

/// The one line BackendKit's startup contract asks for once the server accepts connections; the
/// grader and `backendlings serve` wait for it. `Server.run()` prints it itself; a server started
/// with `start()` prints it here.
enum StartupLine {
    static func announce(host: String, port: Int) {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        // Written at once, not through print's buffer: whoever waits for the line sees it now.
        FileHandle.standardOutput.write(Data("Listening on http://\(shownHost):\(port)\n".utf8))
    }
}
