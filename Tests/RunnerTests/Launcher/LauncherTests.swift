import Foundation
import Testing

@testable import Runner

/// The `backendlings` command in the learner's shell: where the launcher goes, that it never
/// overwrites a file it did not write, and how every message then names commands.
struct LauncherTests {
    /// A fake user home with a fake checkout, and the environment a shell there would have.
    private func withHome<T>(
        path: (String) -> String, shell: String = "/bin/bash",
        _ body: (URL, URL, [String: String]) throws -> T
    ) throws -> T {
        try withTemporaryDirectory { root in
            let userHome = root.appendingPathComponent("home")
            let checkout = root.appendingPathComponent("backendlings")
            try writeFixture(
                "// swift-tools-version:6.0\n", to: checkout.appendingPathComponent("Package.swift"))
            try writeFixture("", to: checkout.appendingPathComponent("Sources/BackendKit/Server.swift"))
            try FileManager.default.createDirectory(at: userHome, withIntermediateDirectories: true)
            let environment = ["HOME": userHome.path, "PATH": path(userHome.path), "SHELL": shell]
            return try body(userHome, checkout, environment)
        }
    }

    @Test func aFolderOnPath_getsTheLauncher_andCommandsAreNamedBare() throws {
        try withHome(path: { "\($0)/.local/bin:/usr/bin:/bin" }) { userHome, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            #expect(launcher.file.path == userHome.path + "/.local/bin/backendlings")
            #expect(launcher.folderIsOnPath)
            #expect(launcher.pathLine == nil)
            #expect(launcher.state == .missing)
            #expect(
                CommandNaming.detect(home: checkout, environment: environment, currentDirectory: userHome)
                    .prefix
                    == "swift run --package-path \(checkout.path) backendlings")

            #expect(try launcher.install() == .missing)
            #expect(launcher.state == .installed)
            #expect(FileManager.default.isExecutableFile(atPath: launcher.file.path))
            let naming = CommandNaming.detect(
                home: checkout, environment: environment, currentDirectory: userHome)
            #expect(naming.command("check db02") == "backendlings check db02")
            #expect(naming.isOnPath)
        }
    }

    @Test func noFolderOnPath_usesLocalBin_andGivesTheLineToAdd() throws {
        try withHome(path: { _ in "/usr/bin:/bin" }, shell: "/usr/bin/zsh") {
            userHome, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            #expect(launcher.file.path == userHome.path + "/.local/bin/backendlings")
            #expect(!launcher.folderIsOnPath)
            #expect(launcher.pathLine == "export PATH=\"$HOME/.local/bin:$PATH\"")
            #expect(launcher.startupFile == "~/.zshrc")
        }
    }

    @Test func homeBinOnPath_isUsedWhenLocalBinIsNot() throws {
        try withHome(path: { "/usr/bin:\($0)/bin" }) { userHome, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            #expect(launcher.file.path == userHome.path + "/bin/backendlings")
        }
    }

    @Test func aFileItDidNotWrite_isNeverOverwritten() throws {
        try withHome(path: { "\($0)/.local/bin:/usr/bin" }) { userHome, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            let mine = "#!/bin/sh\necho my own backendlings\n"
            try writeFixture(mine, to: launcher.file)
            #expect(launcher.state == .foreign)
            #expect(try launcher.install() == .foreign)
            #expect(fileText(of: launcher.file) == mine)
            #expect(
                !CommandNaming.detect(home: checkout, environment: environment, currentDirectory: checkout)
                    .isOnPath)
        }
    }

    @Test func aLauncherForAnotherCheckout_isLeftAlone_unlessThatCheckoutIsGone() throws {
        try withHome(path: { "\($0)/.local/bin:/usr/bin" }) { userHome, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            let other = userHome.appendingPathComponent("other-checkout")
            try writeFixture("", to: other.appendingPathComponent("Package.swift"))
            try writeFixture("", to: other.appendingPathComponent("Sources/BackendKit/Server.swift"))
            var theirs = launcher
            theirs.home = other
            try theirs.install()
            #expect(launcher.state == .otherCheckout(other.path))
            #expect(try launcher.install() == .otherCheckout(other.path))
            #expect(Launcher.checkout(namedIn: launcher.file) == other.path)

            try FileManager.default.removeItem(at: other)
            #expect(launcher.state == .stale)
            try launcher.install()
            #expect(launcher.state == .installed)
        }
    }

    @Test func script_runsTheBuiltBinary_orSwiftRunWhenSourcesAreNewer() throws {
        try withHome(path: { "\($0)/.local/bin" }) { _, checkout, environment in
            let launcher = try #require(Launcher.plan(home: checkout, environment: environment))
            #expect(launcher.script.hasPrefix("#!/bin/sh\n" + Launcher.marker + checkout.path + "\n"))
            #expect(launcher.script.contains("exec \"$bin\" \"$@\""))
            // The launcher judges the rest of Sources/ itself; the script only asks about the launcher.
            #expect(
                launcher.script.contains(
                    "find \"$home/Sources/launch\" \"$home/Package.swift\" -newer \"$bin\""))
            #expect(
                launcher.script.contains(
                    "exec swift run --package-path \"$home\" --quiet backendlings \"$@\""))
        }
    }

    @Test func withoutALauncher_commandsUseSwiftRun_fromTheCheckoutOrWithAPackagePath() throws {
        try withHome(path: { _ in "/usr/bin:/bin" }) { _, checkout, environment in
            #expect(
                CommandNaming.detect(home: checkout, environment: environment, currentDirectory: checkout)
                    .command("list") == "swift run backendlings list")
            let exercise = checkout.appendingPathComponent("workspace/01-databases/01-schema")
            try FileManager.default.createDirectory(at: exercise, withIntermediateDirectories: true)
            #expect(
                CommandNaming.detect(home: checkout, environment: environment, currentDirectory: exercise)
                    .command("check") == "swift run --package-path ../../.. backendlings check")
        }
    }
}
