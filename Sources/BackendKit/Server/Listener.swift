import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listening socket: accepts clients and hands each to an event loop, round robin.
final class Listener: EventChannel {
    let fd: Int32
    private unowned let loop: EventLoop
    private let loops: [EventLoop]
    private let server: ServerContext
    private var nextLoop = 0
    private var paused = false

    init(fd: Int32, loop: EventLoop, loops: [EventLoop], server: ServerContext) {
        self.fd = fd
        self.loop = loop
        self.loops = loops
        self.server = server
    }

    func handle(_ event: Selector.Event) {
        for _ in 0..<64 {
            let (client, peer) = Socket.accept(fd)
            if client < 0 {
                let code = cshim_errno()
                if code == EINTR || code == ECONNABORTED { continue }
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    // Out of descriptors: stop accepting until the next tick instead of spinning.
                    server.logger.warning(
                        "Cannot accept more connections: \(String(cString: strerror(code)))")
                    paused = true
                    loop.selector.modify(fd, read: false, write: false)
                }
                return
            }
            guard server.tryOpenConnection() else {
                _ = closeFD(client)
                continue
            }
            Socket.setNoDelay(client)
            let target = loops[nextLoop % loops.count]
            nextLoop &+= 1
            let server = self.server
            if target === loop {
                Listener.adopt(client, peer: peer, on: target, server: server)
            } else {
                target.execute { [unowned target] in
                    Listener.adopt(client, peer: peer, on: target, server: server)
                }
            }
        }
    }

    /// Re-enables accepting after a pause caused by running out of descriptors.
    func tick() {
        if paused {
            paused = false
            loop.selector.modify(fd, read: true, write: false)
        }
    }

    func close() {
        loop.remove(fd: fd)
        _ = closeFD(fd)
    }

    private static func adopt(_ fd: Int32, peer: PeerAddress?, on loop: EventLoop, server: ServerContext) {
        let connection = HTTPConnection(fd: fd, peer: peer, loop: loop, server: server)
        do {
            try loop.add(connection, fd: fd)
        } catch {
            _ = closeFD(fd)
            server.connectionClosed(wasLingering: false)
        }
    }
}

private func closeFD(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.close(fd)
    #else
        Darwin.close(fd)
    #endif
}
