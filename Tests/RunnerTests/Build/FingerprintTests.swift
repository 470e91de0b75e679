import Foundation
import Testing

@testable import Runner

/// The fingerprint decides whether a save needs a build: it must see every change to a source and
/// nothing else.
@Suite struct FingerprintTests {
    @Test func files_areTheRegularFilesSortedByPath_withoutHiddenBuildFoldersOrLinks() throws {
        try withTemporaryDirectory { dir in
            for path in ["b.swift", "a/z.swift", "a/y.swift", ".hidden", ".build/x.o", "a/.swiftpm/s"] {
                try writeFixture("x\n", to: dir.appendingPathComponent(path))
            }
            try FileManager.default.createSymbolicLink(
                at: dir.appendingPathComponent("link.swift"),
                withDestinationURL: dir.appendingPathComponent("b.swift"))
            let root = dir.resolvingSymlinksInPath().path
            #expect(
                Fingerprint.files(below: dir).map(\.path)
                    == ["a/y.swift", "a/z.swift", "b.swift"].map { "\(root)/\($0)" })
            #expect(Fingerprint.files(below: dir.appendingPathComponent("missing")).isEmpty)
        }
    }

    @Test func metadata_changesWithASizeOrATime_andIsStableOtherwise() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("Sources/Store.swift")
            try writeFixture("struct Store {}\n", to: file)
            func metadata() -> String {
                var fingerprint = Fingerprint()
                fingerprint.addTreeMetadata(dir)
                return fingerprint.description
            }
            let first = metadata()
            #expect(metadata() == first)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file.path)
            let touched = metadata()
            #expect(touched != first)
            try writeFixture(
                "struct Store { var id = 1 }\n", to: dir.appendingPathComponent("Sources/New.swift"))
            #expect(metadata() != touched)
        }
    }

    @Test func contents_changeTheTreeFingerprint_evenWithTheSameSize() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("Store.swift")
            try writeFixture("let a = 1\n", to: file)
            var before = Fingerprint()
            before.addTree(dir)
            try writeFixture("let b = 1\n", to: file)
            var after = Fingerprint()
            after.addTree(dir)
            #expect(before != after)
        }
    }
}
