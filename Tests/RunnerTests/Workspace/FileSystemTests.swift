import Foundation
import Testing

@testable import Runner

/// The file helpers everything else relies on to never lose a learner's work.
struct FileSystemTests {
    @Test func atomicWrite_replacesTheFileAndLeavesNoTemporaryFile() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("state.json")
            try FileSystem.writeAtomically("first", to: file)
            try FileSystem.writeAtomically("second", to: file)
            #expect(fileText(of: file) == "second")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["state.json"])
        }
    }

    @Test func atomicWrite_intoMissingFolder_failsWithThePath() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("nope/state.json")
            let error = try #require(throws: FileSystemError.self) {
                try FileSystem.writeAtomically("x", to: file)
            }
            #expect(error.description == "Could not write \(file.path): No such file or directory.")
        }
    }

    @Test func copyTree_neverOverwritesAnExistingFile() throws {
        try withTemporaryDirectory { dir in
            let source = dir.appendingPathComponent("source")
            let destination = dir.appendingPathComponent("destination")
            try writeFixture("starter", to: source.appendingPathComponent("main.swift"))
            try writeFixture("starter", to: source.appendingPathComponent("Sub/Other.swift"))
            try writeFixture("learner", to: destination.appendingPathComponent("main.swift"))
            let outcome = try FileSystem.copyTree(from: source, to: destination)
            #expect(outcome.copied == ["Sub/Other.swift"])
            #expect(outcome.skipped == ["main.swift"])
            #expect(fileText(of: destination.appendingPathComponent("main.swift")) == "learner")
            #expect(fileText(of: destination.appendingPathComponent("Sub/Other.swift")) == "starter")
        }
    }

    @Test func fileNameTimestamp_isCompactUTC() {
        #expect(
            FileSystem.fileNameTimestamp(Date(timeIntervalSince1970: 1_735_787_045.9)) == "20250102-030405")
    }

    @Test func displayPath_isRelativeInsideTheCurrentDirectoryOnly() throws {
        try withTemporaryDirectory { dir in
            #expect(FileSystem.displayPath(dir.appendingPathComponent("a/b"), from: dir) == "a/b")
            #expect(FileSystem.displayPath(URL(fileURLWithPath: "/etc/hosts"), from: dir) == "/etc/hosts")
        }
    }
}
