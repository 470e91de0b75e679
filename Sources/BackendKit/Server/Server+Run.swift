import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Server {
    /// Runs the server until SIGTERM or SIGINT, keeping BackendKit's startup contract:
    /// prints exactly one `Listening on http://HOST:PORT` line on stdout once it accepts connections,
    /// then shuts down gracefully and returns. If it cannot start (the port is taken, a route is
    /// invalid…) it prints why on stderr and exits with status 1 instead of crashing.
    public func run() {
        cshim_stdout_line_buffered()  // learners' print() lines reach a piped log promptly
        var pipeFDs: [Int32] = [0, 0]
        guard cshim_pipe_cloexec(&pipeFDs) == 0 else {
            Server.exitWithStartupError("could not create a pipe for signals")
        }
        _ = fcntl(pipeFDs[1], F_SETFL, O_NONBLOCK)
        let port: Int
        do {
            port = try start()
        } catch {
            Server.exitWithStartupError(String(describing: error))
        }
        cshim_install_shutdown_signal_handlers(pipeFDs[1])
        let signalRead = pipeFDs[0]
        Thread.detachNewThread { [self] in
            var byte: UInt8 = 0
            while read(signalRead, &byte, 1) < 0 && cshim_errno() == EINTR {}
            let name = cshim_last_shutdown_signal() == SIGINT ? "SIGINT" : "SIGTERM"
            Logger.fromEnvironment().info("Received \(name): finishing requests in progress, then stopping.")
            self.shutdown()
        }
        let host = boundHost
        let shownHost = host.contains(":") ? "[\(host)]" : host
        print("Listening on http://\(shownHost):\(port)")
        cshim_flush_stdout()
        waitUntilStopped()
        Logger.fromEnvironment().info("Server stopped.")
    }

    static func exitWithStartupError(_ message: String) -> Never {
        FileHandle.standardError.write(Data("The server could not start: \(message)\n".utf8))
        exit(1)
    }
}
