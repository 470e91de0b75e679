import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a long text the way the learner's shell would: `$PAGER` when set, else `less -R`, else
/// nothing (the caller then prints the text itself).
///
/// The pager runs in this process group with the terminal as its input and output, while watch
/// mode has given the terminal back (see ``TerminalSession/suspend()``). Ctrl-C in the pager is the
/// pager's: this process ignores SIGINT until the pager ends.
enum Pager {
    /// The shell command that pages a file given as `$1`, or nil when there is no pager.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let pager = environment["PAGER"], !pager.trimmingCharacters(in: .whitespaces).isEmpty {
            return pager + " \"$1\""
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        if path.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/less") }) {
            return "less -R \"$1\""
        }
        return nil
    }

    /// Pages `text`; false when no pager could run (nothing was shown).
    static func show(_ text: String, command: String) -> Bool {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backendlings-report-\(getpid()).txt")
        guard (try? Data(text.utf8).write(to: file)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: file) }
        var ignore = sigaction()
        var previous = sigaction()
        #if os(Linux)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigaction(SIGINT, &ignore, &previous)
        defer { sigaction(SIGINT, &previous, nil) }

        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
        #else
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = ["/bin/sh", "-c", command, "sh", file.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
