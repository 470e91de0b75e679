import Foundation
import Runner
import Testing

/// The build's diagnostics survive a build that prints more than its captured output keeps: a real
/// child process stands in for `swift` (BACKENDLINGS_SWIFT) and prints what a grader with hundreds
/// of English-only texts printed, with its one error in the middle.
@Suite struct SwiftToolchainTests {
    @Test func anErrorAmongThousandsOfRepeatedWarnings_isKept_andEachLineOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "toolchain-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fakeSwift = folder.appendingPathComponent("swift")
        // 3,000 distinct warnings, each printed twice (once per batch job) with its source lines,
        // the error after the first 1,500: far past the head and the tail the output keeps.
        try """
        #!/bin/sh
        warn() { i=$1; while [ $i -lt $2 ]; do
          for copy in 1 2; do
            echo "/p/Graders/apis/File.swift:$i:5: warning: 'init(stringLiteral:)' is deprecated: this text needs its Indonesian"
            echo " $i |     Check(\\"a check name that is long enough to fill a line of output\\") { t in"
            echo "    |     \\`- warning: deprecated"
          done
          i=$((i + 1)); done; }
        warn 0 1500
        echo "/p/Graders/apis/Other.swift:29:9: error: cannot convert value of type 'String' to expected argument type 'Words'"
        warn 1500 3000
        exit 1
        """.write(to: fakeSwift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fakeSwift.path)

        let toolchain = SwiftToolchain(environment: ["BACKENDLINGS_SWIFT": fakeSwift.path])
        let outcome = try toolchain.buildEverything(package: folder, timeout: .seconds(60))

        #expect(!outcome.succeeded)
        #expect(!outcome.output.text.contains(": error: "), "the output alone would have lost the error")
        #expect(
            outcome.diagnosticLines.filter { $0.contains(": error: ") } == [
                "/p/Graders/apis/Other.swift:29:9: error: cannot convert value of type 'String' to expected argument type 'Words'"
            ])
        #expect(outcome.diagnosticLines.count == 3001)
    }
}
