#if os(Linux)
    import Glibc

    /// Writes `text` and a newline to `fd` with plain `write` (stdout to a pipe is fully buffered by
    /// stdio, and the grader must see the line at once).
    func writeLine(_ text: String, to fd: Int32) {
        writeAll(Array((text + "\n").utf8), to: fd)
    }

    func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    func sleepForever() -> Never {
        while true { pause() }
    }

    /// Writes exactly `bytes` bytes of 64-byte lines to stdout: one 64 KiB block of numbered lines,
    /// built once and written again and again (building every line anew is slow in a debug build).
    func flood(bytes: Int) {
        let lineLength = 64
        var block: [UInt8] = []
        for number in 0..<(64 * 1024 / lineLength) {
            let label = "flood line \(number) "
            block.append(contentsOf: label.utf8)
            block.append(
                contentsOf: repeatElement(UInt8(ascii: "x"), count: lineLength - 1 - label.utf8.count))
            block.append(UInt8(ascii: "\n"))
        }
        var remaining = bytes
        while remaining > 0 {
            let count = min(remaining, block.count)
            writeAll(Array(block[0..<count]), to: 1)
            remaining -= count
        }
    }

    /// Allocates 16 MiB blocks, touches every page so they count as resident, and keeps them.
    func allocateForever() -> Never {
        let block = 16 << 20
        var blocks: [UnsafeMutableRawPointer] = []
        while true {
            if let memory = malloc(block) {
                memset(memory, 1, block)
                blocks.append(memory)
            }
            usleep(20_000)
        }
    }

    /// Starts this executable again as `sigterm-ignoring-child` and waits until the child has set
    /// itself up (it writes one byte to a pipe it gets as descriptor 3), so a test can rely on it.
    func startSigtermIgnoringChild() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { exit(70) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        // Order matters: the read end may itself be descriptor 3.
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_adddup2(&actions, fds[1], 3)
        if fds[1] != 3 { posix_spawn_file_actions_addclose(&actions, fds[1]) }
        let path = "/proc/self/exe"
        let argv: [UnsafeMutablePointer<CChar>?] = [
            strdup(path), strdup(Mode.sigtermIgnoringChild.rawValue), nil,
        ]
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { exit(71) }
        close(fds[1])
        var byte: UInt8 = 0
        _ = read(fds[0], &byte, 1)
        close(fds[0])
        writeLine("grader-fixture: started sigterm-ignoring-child \(pid)", to: 2)
    }

    /// Lowers the open-file limit to 256 (so this is quick) and opens /dev/null until no descriptor is left.
    func useUpDescriptors() {
        var limit = rlimit(rlim_cur: 256, rlim_max: 256)
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 {
            limit.rlim_cur = min(limit.rlim_cur, 256)
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        while open("/dev/null", O_RDONLY) >= 0 {}
        writeLine("grader-fixture: out of file descriptors (errno \(errno))", to: 2)
    }
#endif
