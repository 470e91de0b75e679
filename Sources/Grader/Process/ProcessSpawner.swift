import CSystemShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `posix_spawn` call set up the way the grader needs every child: its own process group (so the
/// whole tree can be signalled at once), an empty signal mask and every signal at its default action
/// (whatever the grader blocks or ignores, the child starts clean), stdin from /dev/null, stdout and
/// stderr into the given pipes, and no other inherited descriptor.
///
/// `posix_spawn` and not `Foundation.Process`: the latter has open bugs on Linux around descriptors,
/// signals and reaping (swift-corelibs-foundation #4772, #4795, #5176).
struct ProcessSpawner {
    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String?
    /// Becomes the child's descriptor 1.
    var standardOutput: Int32
    /// Becomes the child's descriptor 2 (may equal `standardOutput`).
    var standardError: Int32

    /// Starts the child and returns its pid (which is also its process group id). Paths without a
    /// slash are looked up in the grader's own `PATH`.
    func spawn() throws(ChildProcessError) -> Int32 {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        _ = cshim_spawn_file_actions_closefrom(&actions, 3)
        if let workingDirectory {
            let result = Self.addChangeDirectory(&actions, workingDirectory)
            guard result == 0 else {
                throw .couldNotStart(executable: executable, reason: ChildProcessError.reason(result))
            }
        }

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result: Int32 =
            executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw .couldNotStart(executable: executable, reason: ChildProcessError.reason(result))
        }
        return pid
    }

    #if canImport(Darwin)
        private static func addChangeDirectory(
            _ actions: inout posix_spawn_file_actions_t?,
            _ path: String
        ) -> Int32 {
            posix_spawn_file_actions_addchdir_np(&actions, path)
        }
    #else
        private typealias AddChangeDirectory =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

        /// glibc has `posix_spawn_file_actions_addchdir_np` (since 2.29) but declares it only under
        /// `_GNU_SOURCE`, which Swift's Glibc module does not define; look it up at run time instead.
        private static let addChangeDirectoryFunction: AddChangeDirectory? = {
            guard let handle = dlopen(nil, RTLD_NOW),
                let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np")
            else { return nil }
            return unsafeBitCast(symbol, to: AddChangeDirectory.self)
        }()

        private static func addChangeDirectory(
            _ actions: inout posix_spawn_file_actions_t,
            _ path: String
        ) -> Int32 {
            guard let function = addChangeDirectoryFunction else { return ENOSYS }
            return function(&actions, path)
        }
    #endif
}
