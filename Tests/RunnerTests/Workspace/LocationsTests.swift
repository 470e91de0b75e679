import Foundation
import Testing

@testable import Runner

/// The checkout, the pack and the workspace are found from options, environment and folders.
struct LocationsTests {
    @Test func home_isFoundAboveTheExecutable() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let binary = dir.appendingPathComponent(".build/debug/backendlings").path
            let home = try Locations.findHome(
                environment: [:], currentDirectory: dir, executablePath: binary,
                sourceFile: "/nonexistent/File.swift")
            #expect(home.path == dir.path)
        }
    }

    @Test func home_fromEnvironment_mustBeACheckout() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(throws: LocationError.self) {
                try Locations.findHome(environment: ["BACKENDLINGS_HOME": dir.path], executablePath: nil)
            }
            #expect(
                error.description
                    == "BACKENDLINGS_HOME is set to \(dir.path), but that folder has no Package.swift and "
                    + "Sources/BackendKit. Set it to your Backendlings checkout, or unset it.")
            try FixturePack.create(at: dir)
            #expect(
                try Locations.findHome(environment: ["BACKENDLINGS_HOME": dir.path], executablePath: nil).path
                    == dir.path)
        }
    }

    @Test func home_nowhere_isAClearError() throws {
        let error = try #require(throws: LocationError.self) {
            try Locations.findHome(
                environment: [:], executablePath: "/usr/bin/env", sourceFile: "/nonexistent/A.swift")
        }
        #expect(
            error.description
                == "Could not find the Backendlings checkout (the folder with Package.swift and Sources/BackendKit). "
                + "Run backendlings from inside it with `swift run backendlings`, or set BACKENDLINGS_HOME to its path."
        )
    }

    @Test func pack_optionBeatsEnvironmentBeatsHome() throws {
        try withTemporaryDirectory { dir in
            let home = dir.appendingPathComponent("home")
            let other = dir.appendingPathComponent("other")
            try FixturePack.create(at: home)
            try FixturePack.create(at: other)
            let env = ["BACKENDLINGS_PACK": home.path]
            #expect(
                try Locations.findPack(option: "other", environment: env, currentDirectory: dir, home: home)
                    .path == other.path)
            #expect(
                try Locations.findPack(option: nil, environment: env, currentDirectory: dir, home: other).path
                    == home.path)
            #expect(
                try Locations.findPack(option: nil, environment: [:], currentDirectory: dir, home: home).path
                    == home.path)
        }
    }

    @Test func pack_withoutManifest_isRefused() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(throws: LocationError.self) {
                try Locations.findPack(option: "missing", environment: [:], currentDirectory: dir, home: dir)
            }
            let path = dir.path + "/missing"
            #expect(error.description == "No lesson pack at \(path): expected \(path)/Lessons/pack.json")
        }
    }

    @Test func workspace_isFoundFromInsideAnExerciseFolder() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let workspace = Workspace(
                root: dir.appendingPathComponent("workspace"), pack: try Pack.load(from: dir), home: dir)
            try workspace.sync()
            let inside = dir.appendingPathComponent("workspace/01-databases/01-schema")
            let found = try Locations.findWorkspace(
                option: nil, environment: [:], currentDirectory: inside,
                packRoot: URL(fileURLWithPath: "/elsewhere"))
            #expect(found.path == workspace.root.path)
        }
    }

    @Test func workspace_defaultsToThePackAndHonoursOptionAndEnvironment() throws {
        try withTemporaryDirectory { dir in
            let fallback = try Locations.findWorkspace(
                option: nil, environment: [:], currentDirectory: dir, packRoot: dir)
            #expect(fallback.path == dir.path + "/workspace")
            let fromEnv = try Locations.findWorkspace(
                option: nil, environment: ["BACKENDLINGS_WORKSPACE": "env-ws"], currentDirectory: dir,
                packRoot: dir)
            #expect(fromEnv.path == dir.path + "/env-ws")
            let fromOption = try Locations.findWorkspace(
                option: "opt-ws", environment: ["BACKENDLINGS_WORKSPACE": "env-ws"], currentDirectory: dir,
                packRoot: dir)
            #expect(fromOption.path == dir.path + "/opt-ws")
        }
    }

    @Test func tildeInAVariable_isTheHomeVariable_asAShellWouldExpandIt() throws {
        try withTemporaryDirectory { dir in
            let workspace = try Locations.findWorkspace(
                option: nil, environment: ["BACKENDLINGS_WORKSPACE": "~/learning/ws", "HOME": dir.path],
                currentDirectory: URL(fileURLWithPath: "/"), packRoot: dir)
            #expect(workspace.path == dir.path + "/learning/ws")
            try FixturePack.create(at: dir.appendingPathComponent("packs/mine"))
            let pack = try Locations.findPack(
                option: nil, environment: ["BACKENDLINGS_PACK": "~/packs/mine", "HOME": dir.path],
                currentDirectory: URL(fileURLWithPath: "/"), home: dir)
            #expect(pack.path == dir.path + "/packs/mine")
        }
    }

    @Test func workspace_thatIsAFile_isRefused() throws {
        try withTemporaryDirectory { dir in
            try writeFixture("x", to: dir.appendingPathComponent("ws"))
            let error = try #require(throws: LocationError.self) {
                try Locations.findWorkspace(
                    option: "ws", environment: [:], currentDirectory: dir, packRoot: dir)
            }
            #expect(
                error.description
                    == "\(dir.path)/ws is a file, but the workspace must be a folder. Choose another path with --workspace."
            )
        }
    }

    @Test func resolve_combinesAllThree() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let locations = try Locations.resolve(
                environment: ["BACKENDLINGS_HOME": dir.path], currentDirectory: URL(fileURLWithPath: "/"))
            #expect(locations.home.path == dir.path)
            #expect(locations.packRoot.path == dir.path)
            #expect(locations.workspace.path == dir.path + "/workspace")
        }
    }
}
