import CSystemShims
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Readiness notification for many sockets on one thread: epoll on Linux, poll(2) elsewhere.
///
/// Level-triggered: a socket with unread bytes is reported again on the next wait, so a handler
/// that reads only part of what arrived cannot lose a wake-up. Used only from its loop's thread,
/// except `wakeUp`, which any thread may call.
final class Selector {
    struct Event {
        var fd: Int32
        var readable: Bool
        var writable: Bool
        /// The peer hung up or the socket has an error; reading will tell which.
        var hangUp: Bool
    }

    #if os(Linux)
        private let epollFD: Int32
        private var eventFlags = [UInt32](repeating: 0, count: 256)
        private var eventData = [UInt64](repeating: 0, count: 256)
    #else
        private var interests: [Int32: (read: Bool, write: Bool)] = [:]
    #endif
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard cshim_pipe_cloexec(&fds) == 0 else { throw ServerError.system("pipe", errno: cshim_errno()) }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        _ = fcntl(wakeRead, F_SETFL, O_NONBLOCK)
        _ = fcntl(wakeWrite, F_SETFL, O_NONBLOCK)
        #if os(Linux)
            epollFD = cshim_epoll_create()
            guard epollFD >= 0 else { throw ServerError.system("epoll_create1", errno: cshim_errno()) }
            guard
                cshim_epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeRead, UInt32(EPOLLIN.rawValue), UInt64(wakeRead))
                    == 0
            else {
                throw ServerError.system("epoll_ctl", errno: cshim_errno())
            }
        #endif
    }

    deinit {
        #if os(Linux)
            close(epollFD)
        #endif
        close(wakeRead)
        close(wakeWrite)
    }

    func register(_ fd: Int32, read: Bool, write: Bool) throws {
        #if os(Linux)
            guard
                cshim_epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, Self.flags(read: read, write: write), UInt64(fd))
                    == 0
            else {
                throw ServerError.system("epoll_ctl", errno: cshim_errno())
            }
        #else
            interests[fd] = (read, write)
        #endif
    }

    func modify(_ fd: Int32, read: Bool, write: Bool) {
        #if os(Linux)
            _ = cshim_epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, Self.flags(read: read, write: write), UInt64(fd))
        #else
            interests[fd] = (read, write)
        #endif
    }

    func deregister(_ fd: Int32) {
        #if os(Linux)
            _ = cshim_epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, 0, 0)
        #else
            interests[fd] = nil
        #endif
    }

    /// Makes a concurrent or future `wait` return promptly. Safe from any thread.
    func wakeUp() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and calls `body` for each ready socket.
    func wait(timeoutMilliseconds: Int32, _ body: (Event) -> Void) {
        #if os(Linux)
            let count = eventFlags.withUnsafeMutableBufferPointer { flags in
                eventData.withUnsafeMutableBufferPointer { data in
                    cshim_epoll_wait(epollFD, flags.baseAddress, data.baseAddress, 256, timeoutMilliseconds)
                }
            }
            guard count > 0 else { return }
            for index in 0..<Int(count) {
                let fd = Int32(truncatingIfNeeded: eventData[index])
                if fd == wakeRead {
                    drainWakeUps()
                    continue
                }
                let flags = eventFlags[index]
                body(
                    Event(
                        fd: fd,
                        readable: flags & UInt32(EPOLLIN.rawValue) != 0,
                        writable: flags & UInt32(EPOLLOUT.rawValue) != 0,
                        hangUp: flags & (UInt32(EPOLLHUP.rawValue) | UInt32(EPOLLERR.rawValue)) != 0
                    ))
            }
        #else
            var pollFDs = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            for (fd, interest) in interests {
                var events: Int16 = 0
                if interest.read { events |= Int16(POLLIN) }
                if interest.write { events |= Int16(POLLOUT) }
                pollFDs.append(pollfd(fd: fd, events: events, revents: 0))
            }
            guard poll(&pollFDs, nfds_t(pollFDs.count), timeoutMilliseconds) > 0 else { return }
            if pollFDs[0].revents != 0 { drainWakeUps() }
            for entry in pollFDs.dropFirst() where entry.revents != 0 {
                body(
                    Event(
                        fd: entry.fd,
                        readable: entry.revents & Int16(POLLIN) != 0,
                        writable: entry.revents & Int16(POLLOUT) != 0,
                        hangUp: entry.revents & (Int16(POLLHUP) | Int16(POLLERR)) != 0
                    ))
            }
        #endif
    }

    private func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    #if os(Linux)
        private static func flags(read: Bool, write: Bool) -> UInt32 {
            var flags: UInt32 = 0
            if read { flags |= UInt32(EPOLLIN.rawValue) }
            if write { flags |= UInt32(EPOLLOUT.rawValue) }
            return flags
        }
    #endif
}
