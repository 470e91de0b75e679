#if canImport(Glibc)
    import Foundation
    import Glibc
    import Testing

    /// Watch mode driven the way a person drives it, in a real pseudo-terminal: the frame fits the
    /// terminal and follows resizes, `s` follows saves, another terminal's `goto` switches it, a
    /// burst of saves gives one check, and `i` installs the `backendlings` command.
    @Suite(.serialized, .timeLimit(.minutes(15)))
    struct WatchModeTests {
        let pack: URL
        let workspace: URL
        let home: URL
        let port = WatchSupport.freePort()

        init() throws {
            pack = try E2EFixture.pack("pack-two", secondExercise: true)
            workspace = try E2EFixture.freshWorkspace("workspace-watch")
            home = E2EFixture.root.appendingPathComponent("home-watch-\(getpid())")
            try? FileManager.default.removeItem(at: home)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }

        private var learnerFile: URL {
            workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift")
        }

        private var environment: [String: String] {
            ProcessInfo.processInfo.environment.merging([
                "TERM": "xterm", "NO_COLOR": "1", "HOME": home.path, "BACKENDLINGS_SERVE_PORT": String(port),
            ]) { _, new in new }
        }

        private func watch(
            _ arguments: [String] = ["watch"], columns: Int = 80, rows: Int = 24, language: String = "en"
        ) async throws -> PTYProcess {
            if arguments == ["watch"] {
                _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
            }
            return try PTYProcess(
                E2EFixture.binary, ["--pack", pack.path, "--workspace", workspace.path] + arguments,
                environment: environment, columns: columns, rows: rows, language: language)
        }

        /// How long the first verdict may take: on a clean clone it waits for the workspace's first
        /// build, which shares two cores with every other suite's builds (354 s seen in CI).
        static let firstBuild = Duration.seconds(600)

        private func waitForFrame(
            _ process: PTYProcess, _ timeout: Duration = firstBuild, _ condition: ([String]) -> Bool
        ) async -> [String]? {
            var found: [String]?
            _ = await WatchSupport.waitUntil(timeout) {
                guard let frame = process.lastFrame, condition(frame) else { return false }
                found = frame
                return true
            }
            return found
        }

        private func quit(_ process: PTYProcess) async throws -> Int32? {
            process.type("q")
            return try await offThePool { process.waitForExit(timeout: .seconds(20)) }
        }

        static let longFailure = """
            import Foundation

            /// The text GET /hello answers with.
            func greeting() -> String {
                for step in 1...25 {
                    FileHandle.standardError.write(Data("handling GET /hello, step \\(step) of 25\\n".utf8))
                }
                return String(repeating: "This is not the greeting you are looking for. ", count: 40)
            }

            """

        @Test func aLongFailure_staysOneFrameAt80x24_andIsRedrawnOnResize() async throws {
            let process = try await watch()
            let first = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            #expect(first != nil, "no first verdict; screen: \(process.output.suffix(1500))")

            try WatchSupport.save(Self.longFailure, to: learnerFile)
            let frame = await waitForFrame(process, .seconds(120)) { frame in
                frame.count > 5 && frame[5].hasPrefix("[fail] 0 of 1")
                    && frame.contains { $0.contains("got \"This is not the") }
            }
            let shown = try #require(frame, "no long failure on screen: \(process.lastFrame ?? [])")
            #expect(shown.count == 24)
            #expect(shown.allSatisfy { $0.count < 80 }, "\(shown)")
            #expect(shown[0] == "Hello · exercise 1 of 2")
            #expect(shown[1] == "hello01-greeting · Say hello")
            #expect(shown[3].hasPrefix("  Edit: "))
            #expect(shown[5].hasPrefix("[fail] 0 of 1 · "), "the status line: \(shown[5])")
            #expect(shown.contains { $0.contains("more lines · press f for the full report") })
            #expect(shown[22].contains("/2 done"))
            #expect(
                shown[23] == "h hint  l list  n next  r rerun  s serve  f full report  p progress  q quit")

            process.resize(columns: 130, rows: 45)
            let resized = await waitForFrame(process, .seconds(10)) { $0.count == 45 }
            let big = try #require(resized, "no redraw after SIGWINCH")
            #expect(big[5].hasPrefix("[fail] 0 of 1 · "))
            #expect(big[44].hasPrefix("h hint  l list"))
            #expect(big.allSatisfy { $0.count < 130 })
            let logLines = { (lines: [String]) in lines.filter { $0.contains("handling GET /hello") }.count }
            #expect(logLines(big) > logLines(shown), "a taller terminal shows more of the report")

            #expect(try await quit(process) == 0)
            let after = process.output.components(separatedBy: "\u{1B}[?1049l").last ?? ""
            #expect(
                after.contains("hello01-greeting · [fail] 0 of 1"), "summary on the normal screen: \(after)")
            #expect(after.contains("0 of 2 exercises done"))
        }

        @Test func inIndonesian_theFrameFits80x24_andEveryRegionSpeaksIndonesian() async throws {
            let process = try await watch(language: "id")
            let found = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            let frame = try #require(found, "no first verdict; screen: \(process.output.suffix(1500))")
            #expect(frame.count == 24)
            #expect(frame.allSatisfy { $0.count < 80 }, "\(frame)")
            #expect(frame[0] == "Hello · latihan 1 dari 2")
            #expect(frame[2].hasPrefix("  Baca: "))
            #expect(frame[3].hasPrefix("  Edit: "))
            #expect(frame[5].hasPrefix("[fail] 0 dari 1"), "the status line: \(frame[5])")
            #expect(frame[22].contains("0/2 selesai · cek terakhir "))
            #expect(
                frame[23] == "h petunjuk  l daftar  n lanjut  r cek  s serve  f laporan  p progres  q keluar")
            // The clock and the server's Date header are the only things that move between runs.
            let shown = frame.map {
                $0.replacingOccurrences(
                    of: #"Date: .*GMT"#, with: "Date: <date>", options: .regularExpression
                )
                .replacingOccurrences(
                    of: #"\d\d:\d\d:\d\d"#, with: "HH:MM:SS", options: .regularExpression)
            }
            FrameGolden.expect(
                shown.joined(separator: "\n") + "\n", matches: "watch-e2e-failing-80x24.id.txt")

            process.type("l")
            let list = await waitForFrame(process, .seconds(10)) {
                $0.first?.hasPrefix("Semua latihan") == true
            }
            #expect(list != nil, "no list: \(process.lastFrame ?? [])")
            #expect(list?.contains { $0.contains("0 dari 2 latihan selesai") } == true)

            #expect(try await quit(process) == 0)
            let after = process.output.components(separatedBy: "\u{1B}[?1049l").last ?? ""
            #expect(
                after.contains("hello01-greeting · [fail] 0 dari 1"), "summary on the normal screen: \(after)"
            )
            #expect(after.contains("0 dari 2 latihan selesai. Progresmu tersimpan; jalankan "), "\(after)")
        }

        @Test func serve_restartsOnEveryBuild_andSaysWhereTheDataIs() async throws {
            let process = try await watch()
            _ = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            process.type("s")
            let serving = await waitForFrame(process, .seconds(60)) {
                $0.contains { $0.hasPrefix("Serving the build from") }
            }
            let frame = try #require(serving, "not serving: \(process.lastFrame ?? [])")
            #expect(
                frame.contains { $0.hasPrefix("  Data: ") && $0.hasSuffix("data/hello01-greeting.sqlite") })
            #expect(frame.contains { $0 == "  Try:  curl -i http://127.0.0.1:\(port)/hello" })
            #expect(WatchSupport.get(port: port, path: "/hello") == "TODO")

            try WatchSupport.save(E2EFixture.solvedGreeting, to: learnerFile)
            let followed = await WatchSupport.waitUntil(.seconds(120)) {
                WatchSupport.get(port: port, path: "/hello") == "Hello, world!"
            }
            #expect(followed, "the served server still answers with the old build")
            #expect(try await quit(process) == 0)
            #expect(WatchSupport.get(port: port, path: "/hello") == nil, "the server stops with watch mode")
        }

        @Test func p_servesTheProgressPage_showsItsAddressAgain_andStopsWithWatchMode() async throws {
            let process = try await watch()
            _ = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            process.type("p")
            let label = "Progress page: "
            let shown = await waitForFrame(process, .seconds(20)) { $0.contains { $0.hasPrefix(label) } }
            let frame = try #require(shown, "no address: \(process.lastFrame ?? [])")
            let line = try #require(frame.first { $0.hasPrefix(label) })
            #expect(
                frame.contains("Open it in a browser: it follows your checks until you quit watch mode."),
                "\(frame)")
            let address = line.dropFirst(label.count)
            let prefix = "http://127.0.0.1:"
            #expect(address.hasPrefix(prefix) && address.hasSuffix("/"), "\(line)")
            let pagePort = try #require(Int(address.dropFirst(prefix.count).dropLast()), "\(line)")
            #expect(pagePort != port, "the page has a port of its own, not the one s serves on")

            let html = try #require(
                WatchSupport.get(port: pagePort, path: "/"), "nothing answers on \(address)")
            #expect(
                html.contains("<tr id=\"exercise-hello01-greeting\" class=\"failing current\">"), "\(html)")
            #expect(html.contains("<tr id=\"exercise-hello02-again\" class=\"pending\">"), "\(html)")

            // r clears the notice; p shows the same address again: one server per session.
            process.type("r")
            let cleared = await waitForFrame(process, .seconds(20)) { !$0.contains { $0.hasPrefix(label) } }
            #expect(cleared != nil, "\(process.lastFrame ?? [])")
            process.type("p")
            let again = await waitForFrame(process, .seconds(20)) { $0.contains(line) }
            #expect(again != nil, "not the same address: \(process.lastFrame ?? [])")

            #expect(try await quit(process) == 0)
            #expect(WatchSupport.get(port: pagePort, path: "/") == nil, "the page stops with watch mode")
        }

        @Test func gotoInASecondTerminal_switchesTheRunningWatch() async throws {
            let process = try await watch()
            _ = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            let moved = try await E2EFixture.run([
                "--pack", pack.path, "--workspace", workspace.path, "goto", "hello02-again",
            ])
            #expect(moved.status == 0, "\(moved.output)")
            let switched = await waitForFrame(process, .seconds(10)) {
                $0.count > 1 && $0[1].hasPrefix("hello02-again")
            }
            #expect(switched != nil, "watch mode did not follow goto: \(process.lastFrame ?? [])")
            let checked = await WatchSupport.waitUntil(.seconds(120)) {
                WatchSupport.attempts("hello02-again", in: workspace) >= 1
            }
            #expect(checked, "the new current exercise was not checked")
            #expect(try await quit(process) == 0)
        }

        @Test func threeSavesTwoHundredMillisecondsApart_runOneCheck() async throws {
            let process = try await watch()
            _ = await waitForFrame(process) { $0.count > 5 && $0[5].hasPrefix("[fail]") }
            let before = WatchSupport.attempts(E2EFixture.exerciseID, in: workspace)
            for index in 1...3 {
                try WatchSupport.save(E2EFixture.solvedGreeting + "// save \(index)\n", to: learnerFile)
                try await Task.sleep(for: .milliseconds(200))
            }
            let passed = await waitForFrame(process, .seconds(120)) {
                $0.count > 5 && $0[5].hasPrefix("[done] passes")
            }
            #expect(passed != nil, "\(process.lastFrame ?? [])")
            try await Task.sleep(for: .seconds(3))
            #expect(WatchSupport.attempts(E2EFixture.exerciseID, in: workspace) == before + 1)
            #expect(try await quit(process) == 0)
        }

        @Test func firstRun_offersTheCommand_andIInstallsIt_thenMessagesNameIt() async throws {
            let bin = home.appendingPathComponent(".local/bin")
            var environment = self.environment
            environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            let process = try PTYProcess(
                E2EFixture.binary, ["--pack", pack.path, "--workspace", workspace.path],
                environment: environment)
            let offered = await waitForFrame(process, .seconds(60)) {
                $0.joined(separator: " ").contains("Press i to add the backendlings command to ~/.local/bin")
            }
            #expect(offered != nil, "no offer: \(process.lastFrame ?? [])")
            process.type("i")
            let installed = await waitForFrame(process, .seconds(10)) {
                $0.contains { $0.contains("Installed ~/.local/bin/backendlings.") }
            }
            #expect(installed != nil, "\(process.lastFrame ?? [])")
            let launcher = bin.appendingPathComponent("backendlings")
            #expect(FileManager.default.isExecutableFile(atPath: launcher.path))
            #expect(try await quit(process) == 0)

            let (_, output) = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "check"],
                environment: ["HOME": home.path, "PATH": environment["PATH"] ?? ""])
            #expect(output.contains("then run backendlings check hello01-greeting again"), "\(output)")

            // A file it did not write is never replaced.
            try "#!/bin/sh\necho mine\n".write(to: launcher, atomically: true, encoding: .utf8)
            let again = try PTYProcess(
                E2EFixture.binary, ["--pack", pack.path, "--workspace", workspace.path, "watch"],
                environment: environment)
            _ = await waitForFrame(again, .seconds(60)) { $0.count > 5 }
            again.type("i")
            let refused = await waitForFrame(again, .seconds(10)) {
                $0.contains { $0.contains("is a file backendlings did not write") }
            }
            #expect(refused != nil, "\(again.lastFrame ?? [])")
            #expect(try String(contentsOf: launcher, encoding: .utf8) == "#!/bin/sh\necho mine\n")
            #expect(try await quit(again) == 0)
        }
    }
#endif
