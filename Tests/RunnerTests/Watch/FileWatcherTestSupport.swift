import Foundation
import Testing

@testable import Runner

/// A fresh folder under the system's temporary directory, removed by ``remove()``.
struct WatchScratchFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func path(_ relative: String) -> String { path + "/" + relative }

    /// Writes in place (open, write, close), the way `echo text > file` does; no rename involved.
    func write(_ relative: String, _ text: String) throws {
        let descriptor = open(path(relative), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    func rename(_ from: String, to: String) throws {
        guard Foundation.rename(path(from), path(to)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    func delete(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }
}

/// Consumes a watcher's events on a task and lets the test wait for them with a generous deadline.
final class WatchEventLog: @unchecked Sendable {
    // @unchecked Sendable: `events` and `streamEnded` are guarded by `lock`.
    private let lock = NSLock()
    private var events: [FileWatcher.Event] = []
    private var streamEnded = false

    init(_ watcher: FileWatcher) {
        Task {
            for await event in watcher.events { self.append(event) }
            self.lock.withLock { self.streamEnded = true }
        }
    }

    private func append(_ event: FileWatcher.Event) {
        lock.withLock { events.append(event) }
    }

    var changes: [Set<String>] {
        lock.withLock {
            events.compactMap { event in
                if case .changed(let paths) = event { return paths }
                return nil
            }
        }
    }

    var allEvents: [FileWatcher.Event] { lock.withLock { events } }
    var hasEnded: Bool { lock.withLock { streamEnded } }

    /// Waits until `condition` holds, checking every 20 ms, for at most `timeout`.
    func wait(timeout: Duration = .seconds(15), until condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    /// Waits for the first change, then long enough for any (wrong) second one to show up.
    func changesAfterSettling() async -> [Set<String>] {
        _ = await wait { !changes.isEmpty }
        try? await Task.sleep(for: FileWatcherTests.settleTime)
        return changes
    }
}
