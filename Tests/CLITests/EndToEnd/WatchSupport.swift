#if canImport(Glibc)
    import Foundation
    import Glibc

    /// What the watch-mode tests share: progress read back from disk, waiting without holding a
    /// cooperative thread, saving the way editors do, and a plain HTTP GET.
    enum WatchSupport {
        /// The progress entry of `exercise` in `workspace`.
        static func entry(_ exercise: String, in workspace: URL) -> [String: Any]? {
            let file = workspace.appendingPathComponent(".backendlings/progress.json")
            guard let data = try? Data(contentsOf: file),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let exercises = json["exercises"] as? [String: [String: Any]]
            else { return nil }
            return exercises[exercise]
        }

        static func attempts(_ exercise: String, in workspace: URL) -> Int {
            entry(exercise, in: workspace)?["attempts"] as? Int ?? 0
        }

        /// Polls `condition` with suspending sleeps, so waiting never holds a cooperative thread.
        static func waitUntil(_ timeout: Duration, _ condition: () -> Bool) async -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if condition() { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return condition()
        }

        /// Writes `text` to a temporary file and renames it over `file`, as editors save.
        static func save(_ text: String, to file: URL) throws {
            let temporary = file.deletingLastPathComponent().appendingPathComponent(
                ".\(file.lastPathComponent).tmp")
            try text.write(to: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary.path, file.path)
        }

        /// A port nothing listens on right now.
        static func freePort() -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    _ = bind(fd, $0, length)
                    return getsockname(fd, $0, &length)
                }
            }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        /// The body of `GET path` on 127.0.0.1:`port`, or nil when nothing answers.
        static func get(port: Int, path: String) -> String? {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else { return nil }
            let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            let text = String(decoding: received, as: UTF8.self)
            return text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) }
        }
    }
#endif
