#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if os(Linux)
    /// Finds changes with inotify: one watch per folder under the roots, added for new folders as they
    /// appear. Editors that save by writing a temporary file and renaming it over the original show up
    /// as IN_MOVED_TO, so the events below cover every way a file can change.
    final class FileWatcherInotifySource: FileWatcherSource {
        let backend = FileWatcher.Backend.inotify
        private let descriptor: Int32
        private let roots: [String]
        private let filter: FileWatcherFilter
        /// Watch descriptor → the folder it watches.
        private var directories: [Int32: String] = [:]
        private let buffer: UnsafeMutableRawBufferPointer

        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | IN_ONLYDIR
        )
        private static let eventHeaderSize = 16

        /// Starts inotify and watches every folder under `roots`.
        /// - Throws: why inotify cannot be used, as a sentence fragment for the learner.
        init(roots: [String], filter: FileWatcherFilter) throws(FileWatcherSourceFailure) {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            guard descriptor >= 0 else { throw FileWatcherSourceFailure(errno: errno, call: "inotify_init1") }
            self.descriptor = descriptor
            self.roots = roots
            self.filter = filter
            self.buffer = .allocate(byteCount: 64 * 1024, alignment: 8)
            for root in roots {
                do {
                    _ = try watchTree(root)
                } catch {
                    close()
                    throw error
                }
            }
        }

        func close() {
            Glibc.close(descriptor)
            buffer.deallocate()
        }

        func waitForChanges(timeoutMilliseconds: Int32) -> FileWatcherSourceResult {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return FileWatcherSourceResult() }
            var result = FileWatcherSourceResult()
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }  // EAGAIN: everything has been read
                handleEvents(byteCount: count, into: &result)
            }
            return result
        }

        /// Watches `directory` first and lists it afterwards, so a file created in a brand-new folder
        /// is seen either by the listing or by an event. Returns the relevant files found.
        private func watchTree(_ directory: String) throws(FileWatcherSourceFailure) -> [String] {
            let watch = inotify_add_watch(descriptor, directory, Self.mask)
            guard watch >= 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { return [] }  // gone again already
                throw FileWatcherSourceFailure(errno: code, call: "inotify_add_watch")
            }
            directories[watch] = directory
            var found: [String] = []
            for entry in FileWatcherDirectoryWalker.entries(of: directory) {
                if entry.isDirectory {
                    if filter.watchesDirectory(named: entry.name) { found += try watchTree(entry.path) }
                } else if filter.isRelevant(fileNamed: entry.name) {
                    found.append(entry.path)
                }
            }
            return found
        }

        /// Walks the packed `struct inotify_event`s: wd, mask, cookie, len, then `len` bytes of name.
        private func handleEvents(byteCount: Int, into result: inout FileWatcherSourceResult) {
            var offset = 0
            while offset + Self.eventHeaderSize <= byteCount {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = offset + Self.eventHeaderSize
                let nameBytes = UnsafeRawBufferPointer(
                    rebasing: buffer[nameStart..<min(nameStart + nameLength, byteCount)])
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + nameLength
                handle(watch: watch, mask: mask, name: name, into: &result)
            }
        }

        private func handle(
            watch: Int32, mask: UInt32, name: String, into result: inout FileWatcherSourceResult
        ) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                rescanAfterOverflow(into: &result)
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                directories[watch] = nil
                return
            }
            guard !name.isEmpty, let directory = directories[watch] else { return }
            let path = directory + "/" + name
            guard mask & UInt32(IN_ISDIR) != 0 else {
                if filter.isRelevant(fileNamed: name) { result.paths.append(path) }
                return
            }
            guard filter.watchesDirectory(named: name) else { return }
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                do {
                    result.paths += try watchTree(path)
                } catch {
                    result.failure = error.reason
                }
            } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                result.paths.append(path)
            }
        }

        /// The kernel dropped events: re-watch everything (existing watches are kept) and report each
        /// root as changed, since anything may have happened.
        private func rescanAfterOverflow(into result: inout FileWatcherSourceResult) {
            for root in roots {
                do {
                    _ = try watchTree(root)
                } catch {
                    result.failure = error.reason
                }
                result.paths.append(root)
            }
        }
    }
#endif

/// Why inotify cannot be used, worded for a learner.
struct FileWatcherSourceFailure: Error, Sendable {
    /// Completes "Could not watch your files with inotify: ...".
    var reason: String

    init(errno code: Int32, call: String) {
        #if os(Linux)
            switch code {
            case ENOSPC:
                reason = "the system's limit on watched folders is reached (fs.inotify.max_user_watches)"
                return
            case EMFILE:
                reason = "too many programs are watching files already (fs.inotify.max_user_instances)"
                return
            case ENOSYS:
                reason = "this system does not support inotify"
                return
            default:
                break
            }
        #endif
        reason = "\(call) failed (\(String(cString: strerror(code))))"
    }
}
