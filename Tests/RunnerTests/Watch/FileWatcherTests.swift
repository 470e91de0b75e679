import Foundation
import Testing

@testable import Runner

/// The watcher against real files in a temporary folder, once with inotify and once with polling.
///
/// The debounce is longer than the product's 200 ms so a slow, shared machine cannot split a burst in
/// two; every wait is a generous deadline, never an exact time.
@Suite struct FileWatcherTests {
    /// Long enough for a second (wrong) notification to arrive after the first: well above the
    /// polling backend's quiet period (scan interval + debounce).
    static let settleTime: Duration = .milliseconds(2500)

    static let modes: [FileWatcher.Mode] = [.automatic, .polling]

    private func withWatcher(
        _ mode: FileWatcher.Mode,
        prepare: (WatchScratchFolder) throws -> Void = { _ in },
        _ body: (WatchScratchFolder, FileWatcher, WatchEventLog) async throws -> Void
    ) async throws {
        let folder = try WatchScratchFolder()
        defer { folder.remove() }
        try prepare(folder)
        let watcher = FileWatcher(
            roots: [folder.path], options: .init(mode: mode, debounce: .milliseconds(400)))
        let log = WatchEventLog(watcher)
        try watcher.start()
        defer { watcher.stop() }
        #if os(Linux)
            #expect(watcher.backend == (mode == .automatic ? .inotify : .polling))
        #endif
        try await body(folder, watcher, log)
    }

    @Test(arguments: modes)
    func plainWrite_producesExactlyOneChange(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode, prepare: { try $0.write("Store.swift", "let a = 1\n") }) {
            folder, _, log in
            try folder.write("Store.swift", "let a = 12345\n")
            #expect(await log.changesAfterSettling() == [[folder.path("Store.swift")]])
        }
    }

    @Test(arguments: modes)
    func saveByRenameOverTheOriginal_producesExactlyOneChange(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode, prepare: { try $0.write("Store.swift", "old\n") }) { folder, _, log in
            try folder.write("Store.swift.tmp", "the new contents\n")
            try folder.rename("Store.swift.tmp", to: "Store.swift")
            #expect(await log.changesAfterSettling() == [[folder.path("Store.swift")]])
        }
    }

    @Test(arguments: modes)
    func burstOfFiveWrites_producesOneChangeWithEveryPath(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode) { folder, _, log in
            for index in 1...5 {
                try folder.write(
                    index.isMultiple(of: 2) ? "A.swift" : "B.swift", String(repeating: "x", count: index))
                usleep(10_000)  // blocking on purpose: a starved task pool must not stretch the burst
            }
            #expect(await log.changesAfterSettling() == [[folder.path("A.swift"), folder.path("B.swift")]])
        }
    }

    @Test(arguments: modes)
    func editorDroppingsAndIgnoredFolders_produceNothing(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode, prepare: { try $0.makeFolder(".build/debug") }) { folder, _, log in
            for name in [
                ".Store.swift.swp", "Store.swift.swx", "Store.swift.swp", "4913", "Store.swift~",
                ".#Store.swift", "Store.swift.tmp", "notes.txt",
            ] {
                try folder.write(name, "x")
            }
            try folder.write(".build/debug/Generated.swift", "x")
            try folder.makeFolder(".swiftpm/sub")
            try folder.write(".swiftpm/sub/Cache.swift", "x")
            try await Task.sleep(for: Self.settleTime)
            #expect(log.allEvents == [])
        }
    }

    @Test(arguments: modes)
    func fileInANewSubfolder_isSeenAndLaterEditsToo(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode) { folder, _, log in
            try folder.makeFolder("02-http/01-routes")
            try folder.write("02-http/01-routes/Routes.swift", "first")
            let path = folder.path("02-http/01-routes/Routes.swift")
            #expect(await log.wait { log.changes.contains { $0.contains(path) } })
            try await Task.sleep(for: Self.settleTime)
            let before = log.changes.count
            try folder.write("02-http/01-routes/Routes.swift", "second edit")
            #expect(await log.wait { log.changes.count > before })
            #expect(log.changes.last == [path])
        }
    }

    @Test(arguments: modes)
    func deletedFile_isAChange(mode: FileWatcher.Mode) async throws {
        try await withWatcher(mode, prepare: { try $0.write("Old.swift", "x") }) { folder, _, log in
            try folder.delete("Old.swift")
            #expect(await log.changesAfterSettling() == [[folder.path("Old.swift")]])
        }
    }

    @Test(arguments: modes)
    func stop_finishesTheEventStream(mode: FileWatcher.Mode) async throws {
        let folder = try WatchScratchFolder()
        defer { folder.remove() }
        let watcher = FileWatcher(roots: [folder.path], options: .init(mode: mode))
        let log = WatchEventLog(watcher)
        try watcher.start()
        watcher.stop()
        watcher.stop()
        #expect(await log.wait { log.hasEnded })
        try folder.write("Late.swift", "x")
        try await Task.sleep(for: .seconds(1))
        #expect(log.allEvents == [])
    }

    @Test func missingRoot_isRefusedWithThePath() throws {
        let watcher = FileWatcher(roots: ["/nonexistent/backendlings-workspace/"])
        #expect(throws: FileWatcherError.rootNotFound(path: "/nonexistent/backendlings-workspace")) {
            try watcher.start()
        }
        #expect(
            FileWatcherError.rootNotFound(path: "/w").description
                == "Cannot watch '/w': there is no folder there. Check the path, or run 'backendlings' once "
                + "to create your workspace."
        )
    }

    @Test func startingTwice_isRefused() throws {
        let folder = try WatchScratchFolder()
        defer { folder.remove() }
        let watcher = FileWatcher(roots: [folder.path])
        try watcher.start()
        defer { watcher.stop() }
        #expect(throws: FileWatcherError.alreadyStarted) { try watcher.start() }
    }

    @Test func pollingFallbackMessage_explainsWhatHappensInstead() {
        let message = FileWatcherLoop.pollingMessage(
            reason: FileWatcherSourceFailure(errno: ENOSPC, call: "inotify_add_watch").reason,
            options: .init())
        #expect(
            message
                == "Could not watch your files with inotify: the system's limit on watched folders is "
                + "reached (fs.inotify.max_user_watches). Checking for changes every 0.3 seconds instead.")
    }
}
