import Foundation
import Testing

@testable import Runner

/// The compile of one file without the driver is the driver's own frontend command, with only the
/// primary file and its outputs changed.
struct FrontendTemplateTests {
    static let job =
        "/opt/swift/usr/bin/swift-frontend -frontend -c -primary-file /ws/a/A.swift /ws/a/main.swift "
        + "-serialize-diagnostics-path /ws/b/A.dia -target x86_64-unknown-linux-gnu -g "
        + "-module-name hello01_greeting \"-Xcc\" -fPIC -o /ws/b/A.swift.o"

    @Test func theTemplate_isTheDriversFirstJob_withoutItsFilesAndOutputs() throws {
        try withTemporaryDirectory { dir in
            let map = dir.appendingPathComponent("output-file-map.json")
            try
                #"{"": {"swift-dependencies": "/ws/b/primary.swiftdeps"}, "/ws/a/A.swift": {"object": "/ws/b/A.swift.o"}, "/ws/a/main.swift": {"object": "/ws/b/main.swift.o"}}"#
                .write(to: map, atomically: true, encoding: .utf8)
            var asked: [String] = []
            let template = try #require(
                FrontendTemplate.derive(
                    fromCompile: [
                        "swiftc", "-incremental", "-output-file-map", map.path, "-enable-batch-mode", "-c",
                    ]
                ) { command in
                    asked = command
                    return Self.job
                        + "\n/opt/swift/usr/bin/swift-frontend -frontend -c -primary-file /ws/a/main.swift\n"
                })
            #expect(asked == ["swiftc", "-output-file-map", map.path, "-c", "-###"])
            #expect(template.executable == "/opt/swift/usr/bin/swift-frontend")
            #expect(template.sources == ["/ws/a/A.swift", "/ws/a/main.swift"])
            #expect(
                template.arguments == [
                    "-frontend", "-c", "-target", "x86_64-unknown-linux-gnu", "-g", "-module-name",
                    "hello01_greeting",
                    "-Xcc", "-fPIC",
                ])
            #expect(
                template.command(compiling: "/ws/a/main.swift", partialModule: "/s/m.swiftmodule") == [
                    "/opt/swift/usr/bin/swift-frontend", "-frontend", "-c", "-target",
                    "x86_64-unknown-linux-gnu",
                    "-g", "-module-name", "hello01_greeting", "-Xcc", "-fPIC", "/ws/a/A.swift",
                    "-primary-file",
                    "/ws/a/main.swift", "-o", "/ws/b/main.swift.o", "-emit-module-path", "/s/m.swiftmodule",
                ])
            #expect(template.command(compiling: "/ws/a/Other.swift", partialModule: "/s/o") == nil)
        }
    }

    @Test func jobsThatDoNotNameEverySourceFile_giveNoTemplate() throws {
        try withTemporaryDirectory { dir in
            let map = dir.appendingPathComponent("output-file-map.json")
            try
                #"{"/ws/a/A.swift": {"object": "/ws/b/A.swift.o"}, "/ws/a/B.swift": {"object": "/ws/b/B.swift.o"}}"#
                .write(to: map, atomically: true, encoding: .utf8)
            #expect(
                FrontendTemplate.derive(fromCompile: ["swiftc", "-output-file-map", map.path]) { _ in Self.job
                } == nil)
            #expect(
                FrontendTemplate.derive(fromCompile: ["swiftc", "-output-file-map", map.path]) { _ in nil }
                    == nil)
        }
    }

    @Test func sourceRecord_namesTheFilesWhoseBytesChanged_andFilesItDidNotKnow() throws {
        try withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("A.swift").path
            let b = dir.appendingPathComponent("B.swift").path
            try "let a = 1\n".write(toFile: a, atomically: true, encoding: .utf8)
            try "let b = 1\n".write(toFile: b, atomically: true, encoding: .utf8)
            let before = SourceRecord.current([a])
            try "let a = 2\n".write(toFile: a, atomically: true, encoding: .utf8)
            #expect(SourceRecord.current([a, b]).changed(since: before) == [a, b])
            let record = dir.appendingPathComponent("state/record.json")
            SourceRecord.current([a, b]).save(to: record)
            #expect(SourceRecord.load(from: record)?.changed(since: SourceRecord.current([a, b])) == [])
        }
    }
}
