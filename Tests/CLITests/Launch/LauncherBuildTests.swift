import Foundation
import Grader
import Testing

/// The real launcher binary, copied into a small checkout of its own: it builds a missing or stale
/// tool with SwiftPM, then becomes it with the same arguments; a tool that does not compile gives
/// a clear message and a non-zero exit.
@Suite(.timeLimit(.minutes(5)))
struct LauncherBuildTests {
    /// A checkout whose `backendlings-cli` prints its arguments.
    private static let manifest = """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "mini",
            products: [.executable(name: "backendlings-cli", targets: ["cli"])],
            targets: [.executableTarget(name: "cli")]
        )

        """

    @Test func aMissingTool_isBuilt_thenRunWithTheSameArguments_aFreshOneIsJustRun_aBrokenOneIsExplained()
        async throws
    {
        let launcher = URL(fileURLWithPath: E2EFixture.launcher).resolvingSymlinksInPath()
        // `<scratch>/<triple>/debug/backendlings`: the copy sits at the same depth in its checkout.
        let triple = launcher.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "launcher-\(UUID().uuidString)"
        ).resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: home) }
        let bin = home.appendingPathComponent(".build/\(triple)/debug")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("Sources/BackendKit"), withIntermediateDirectories: true)
        try Self.manifest.write(
            to: home.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let main = home.appendingPathComponent("Sources/cli/main.swift")
        try FileManager.default.createDirectory(
            at: main.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "print(\"cli:\", CommandLine.arguments.dropFirst().joined(separator: \" \"))\n".write(
            to: main, atomically: true, encoding: .utf8)
        let copy = bin.appendingPathComponent("backendlings")
        try FileManager.default.copyItem(at: launcher, to: copy)

        let first = try await run(copy, ["check", "db01-schema"])
        #expect(first.status.isSuccess, "\(first.output)")
        #expect(first.output.contains("Building backendlings (its sources changed since the last build)…"))
        #expect(first.output.hasSuffix("cli: check db01-schema\n"), "\(first.output)")

        let again = try await run(copy, ["list"])
        #expect(again.output == "cli: list\n", "a fresh tool is started without a build")

        try "let broken: Int = \"text\"\n".write(to: main, atomically: true, encoding: .utf8)
        let broken = try await run(copy, ["list"])
        #expect(broken.status == Grader.ExitStatus.exited(1))
        #expect(
            broken.output.contains(
                "Backendlings itself did not build, so it cannot start. This is not about your exercise code"),
            "\(broken.output)")
        #expect(broken.output.contains("main.swift:1:"), "the compiler's error is shown: \(broken.output)")
        #expect(!broken.output.contains("cli: list"))
    }

    /// Runs the launcher on a thread of its own: a build blocks for seconds, and a blocked
    /// thread of the test pool would stall every other test (and their timing checks).
    private func run(_ launcher: URL, _ arguments: [String]) async throws -> (
        status: Grader.ExitStatus, output: String
    ) {
        var environment = ProcessInfo.processInfo.environment
        environment["BACKENDLINGS_LANG"] = "en"
        let variables = environment
        return try await offThePool {
            let (status, output) = try ChildProcess.run(
                executable: launcher.path, arguments: arguments, environment: .exactly(variables),
                timeout: .seconds(240))
            return (status, output.text)
        }
    }
}
