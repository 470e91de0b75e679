import Foundation
import Synchronization
import Testing

@testable import Runner

/// A thread-safe list of failures collected from worker threads.
private final class Failures: Sendable {
    private let items = Mutex<[String]>([])

    func append(_ item: String) { items.withLock { $0.append(item) } }

    var all: [String] { items.withLock { $0 } }
}

/// progress.json is versioned, written atomically under a lock, and never silently reset.
struct ProgressStoreTests {
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 UTC

    func makeStore(_ dir: URL) -> ProgressStore {
        ProgressStore(
            file: dir.appendingPathComponent("workspace/.backendlings/progress.json"),
            firstExercise: "db01-schema",
            currentDirectory: dir)
    }

    @Test func tempFilesLeftByAKilledWriter_areRemovedByTheNextWrite() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            #expect(try store.createIfMissing(now: start))
            let folder = store.file.deletingLastPathComponent()
            // What a writer killed between creating its temp file and the rename leaves behind.
            let orphans = [".progress.json.tmp-4242-1234", ".progress.json.tmp-1-99"]
            for name in orphans { try writeFixture("{\"half", to: folder.appendingPathComponent(name)) }
            try writeFixture("other", to: folder.appendingPathComponent(".Package.swift.tmp-4242-1"))
            try store.recordCheck("db01-schema", passed: true, at: start)
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(left == [".Package.swift.tmp-4242-1", "progress.json", "progress.lock"])
        }
    }

    @Test func recordedCheck_isWrittenInTheDocumentedFormat() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            #expect(try store.createIfMissing(now: start))
            try store.recordCheck("db01-schema", passed: true, at: start.addingTimeInterval(90))
            _ = try store.revealHint(
                for: try #require(FixturePack.inMemory().exercise(id: "db02-queries")), at: start)
            #expect(
                fileText(of: store.file) == """
                    {
                      "current" : "db01-schema",
                      "exercises" : {
                        "db01-schema" : {
                          "attempts" : 1,
                          "firstPassedAt" : "2025-01-01T00:01:30Z",
                          "hintsShown" : 0,
                          "lastCheckedAt" : "2025-01-01T00:01:30Z",
                          "secondsSpent" : 90,
                          "status" : "done"
                        },
                        "db02-queries" : {
                          "attempts" : 0,
                          "hintsShown" : 1,
                          "status" : "pending"
                        }
                      },
                      "formatVersion" : 1,
                      "lastActivityAt" : "2025-01-01T00:01:30Z",
                      "startedAt" : "2025-01-01T00:00:00Z"
                    }

                    """)
        }
    }

    @Test func loadingWithoutAWorkspace_createsNothing() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            let loaded = try store.load(now: start)
            #expect(loaded.value == LearnerProgress(startedAt: start, current: "db01-schema"))
            #expect(loaded.notice == nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test func unknownExerciseIds_areKept() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            try writeFixture(
                #"{"formatVersion": 1, "startedAt": "2025-01-01T00:00:00Z", "current": "old-one", "#
                    + #""exercises": {"old-one": {"status": "done", "attempts": 4, "hintsShown": 2}}}"#,
                to: store.file)
            try store.recordCheck("db01-schema", passed: false, at: start)
            let progress = try store.load().value
            #expect(
                progress.state(of: "old-one") == ExerciseProgress(status: .done, attempts: 4, hintsShown: 2))
            #expect(progress.current == "old-one")
            #expect(progress.state(of: "db01-schema").attempts == 1)
        }
    }

    @Test func corruptFile_isMovedAsideWithANotice() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            try writeFixture("{\"formatVersion\": 1, \"startedAt\": ", to: store.file)
            let loaded = try store.load(now: start)
            let notice = try #require(loaded.notice)
            #expect(notice.movedTo.lastPathComponent == "progress.json.corrupt-20250101-000000")
            #expect(
                notice.description
                    == "Your progress file could not be read (it is not valid JSON), so it was moved to "
                    + "workspace/.backendlings/progress.json.corrupt-20250101-000000 and a fresh record was started. "
                    + "Your code was not touched; backendlings will check your exercises again to rebuild your progress."
            )
            #expect(fileText(of: notice.movedTo) == "{\"formatVersion\": 1, \"startedAt\": ")
            #expect(loaded.value == LearnerProgress(startedAt: start, current: "db01-schema"))
            // The next watch session rebuilds progress by checking every exercise again.
            #expect(FileManager.default.fileExists(atPath: store.rebuildMarker.path))
            #expect(store.rebuildMarker.deletingLastPathComponent() == store.file.deletingLastPathComponent())
            #expect(try store.load().notice == nil)
            #expect(try store.load().value == loaded.value)
        }
    }

    @Test func wrongFieldType_isCorruptToo_andASecondMoveGetsItsOwnName() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            try writeFixture(
                #"{"formatVersion": 1, "startedAt": 5, "current": "x", "exercises": {}}"#, to: store.file)
            try writeFixture(
                "older",
                to: store.file.deletingLastPathComponent().appendingPathComponent(
                    "progress.json.corrupt-20250101-000000"))
            let notice = try #require(try store.recordCheck("db01-schema", passed: true, at: start).notice)
            #expect(notice.movedTo.lastPathComponent == "progress.json.corrupt-20250101-000000-2")
            #expect(notice.reason.hasPrefix("a field has the wrong form: startedAt"))
            #expect(try store.load().value.state(of: "db01-schema").status == .done)
        }
    }

    @Test func newerFormat_isRefused_andTheFileIsLeftAlone() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            let newer = #"{"formatVersion": 2, "learner": {"something": "new"}}"#
            try writeFixture(newer, to: store.file)
            let error = try #require(throws: ProgressError.self) {
                try store.recordCheck("db01-schema", passed: true)
            }
            #expect(
                error.description
                    == "workspace/.backendlings/progress.json was written by a newer backendlings (progress format 2; "
                    + "this one understands formats up to 1). Update backendlings (git pull), then run it again. "
                    + "The file was left as it is.")
            #expect(fileText(of: store.file) == newer)
            #expect(
                try FileManager.default.contentsOfDirectory(
                    atPath: store.file.deletingLastPathComponent().path
                ).sorted()
                    == ["progress.json", "progress.lock"])
        }
    }

    @Test func manyUpdates_leaveNoTemporaryFiles() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            for index in 0..<25 {
                try store.recordCheck("db01-schema", passed: index % 3 == 0, at: start)
            }
            #expect(
                try FileManager.default.contentsOfDirectory(
                    atPath: store.file.deletingLastPathComponent().path
                ).sorted()
                    == ["progress.json", "progress.lock"])
            #expect(try store.load().value.state(of: "db01-schema").attempts == 25)
        }
    }

    @Test func twentyConcurrentRecorders_loseNoAttempt() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            let failures = Failures()
            let group = DispatchGroup()
            for index in 0..<20 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        try store.recordCheck("db01-schema", passed: index % 2 == 0)
                        try store.recordCheck("thread-\(index)", passed: true)
                    } catch {
                        failures.append("\(error)")
                    }
                }
            }
            #expect(group.wait(timeout: .now() + 120) == .success)
            #expect(failures.all.isEmpty)
            let progress = try store.load().value
            #expect(progress.state(of: "db01-schema").attempts == 20)
            #expect(progress.exercises.count == 21)
        }
    }

    @Test func next_throughTheStore_isRefusedBeforeDone() throws {
        try withTemporaryDirectory { dir in
            let store = makeStore(dir)
            let pack = FixturePack.inMemory()
            #expect(throws: ProgressError.notDone(id: "db01-schema")) { try store.advance(in: pack) }
            try store.recordCheck("db01-schema", passed: true)
            #expect(
                try store.advance(in: pack).value == .movedTo(try #require(pack.exercise(id: "db02-queries")))
            )
            #expect(try store.load().value.current == "db02-queries")
        }
    }
}
