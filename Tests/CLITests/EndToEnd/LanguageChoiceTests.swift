#if canImport(Glibc)
    import Foundation
    import Glibc
    import Testing

    /// The language through the real binary: `--lang` beats `BACKENDLINGS_LANG`, which beats the
    /// workspace's setting, which beats the locale; the first run on a terminal asks once, with one
    /// key; nothing that is not a terminal is ever asked.
    @Suite(.serialized, .timeLimit(.minutes(10)))
    struct LanguageChoiceTests {
        let pack: URL
        let workspace: URL

        init() throws {
            pack = try E2EFixture.pack("pack-language")
            workspace = E2EFixture.root.appendingPathComponent("workspace-language-\(getpid())")
            try? FileManager.default.removeItem(at: workspace)
        }

        private var settingsFile: URL { workspace.appendingPathComponent(".backendlings/settings.json") }

        private func store(_ code: String) throws {
            try FileManager.default.createDirectory(
                at: settingsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{\"language\":\"\(code)\"}".utf8).write(to: settingsFile)
        }

        private func storedLanguage() -> String? {
            guard let data = try? Data(contentsOf: settingsFile),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return json["language"] as? String
        }

        private func lang(_ extra: [String] = [], environment: [String: String]) async throws -> String {
            let (status, output) = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "lang"] + extra, environment: environment
            )
            #expect(status == 0, "\(output)")
            return output
        }

        @Test func optionBeatsVariable_beatsWorkspace_beatsLocale() async throws {
            try store("en")
            var environment = ["BACKENDLINGS_LANG": "id", "LANG": "id_ID.UTF-8"]
            let option = try await lang(["--lang", "en"], environment: environment)
            #expect(
                option.hasPrefix("Language: English (en) · chosen with --lang\nChange it with "), "\(option)")
            #expect(option.hasSuffix("backendlings lang id.\n"))
            let variable = try await lang(environment: environment)
            #expect(
                variable.hasPrefix(
                    "Bahasa: Bahasa Indonesia (id) · dipilih dengan BACKENDLINGS_LANG\nGanti dengan "))
            #expect(variable.hasSuffix("backendlings lang en.\n"))
            environment["BACKENDLINGS_LANG"] = nil
            #expect(
                try await lang(environment: environment).hasPrefix(
                    "Language: English (en) · stored in your workspace"))
            try FileManager.default.removeItem(at: settingsFile)
            #expect(
                try await lang(environment: environment).hasPrefix(
                    "Bahasa: Bahasa Indonesia (id) · dari locale sistemmu"))
            #expect(try await lang(environment: ["LANG": "in_ID"]).hasPrefix("Bahasa: Bahasa Indonesia (id)"))
            #expect(
                try await lang(environment: ["LANG": "C"]).hasPrefix("Language: English (en) · the default"))
        }

        @Test func langCommand_storesTheChoice_andEveryCommandSpeaksIt() async throws {
            let (status, output) = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "lang", "id"])
            #expect(status == 0)
            #expect(output == "Mulai sekarang Backendlings memakai Bahasa Indonesia di workspace ini.\n")
            #expect(storedLanguage() == "id")
            let list = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path, "list"])
            #expect(list.output.contains("0 dari 1 latihan selesai"), "\(list.output)")
            #expect(list.output.contains("Kamu belum mulai."), "\(list.output)")
            let english = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "--lang", "en", "list"])
            #expect(english.output.contains("0 of 1 exercises done"), "\(english.output)")
        }

        @Test func unknownLang_isAUsageError_inTheStyleOfTheOthers() async throws {
            let (status, output) = try await E2EFixture.run(["--lang", "xx", "list"])
            #expect(status == 64)
            #expect(
                output
                    == "Error: Invalid value 'xx' for '--lang <code>': expected en (English) or id (Bahasa Indonesia).\n"
                    + "Usage: backendlings list\nSee 'backendlings list --help'.\n")
            let bad = try await E2EFixture.run(["lang", "fr"])
            #expect(bad.status == 64)
            #expect(bad.output.hasPrefix("Error: Invalid value 'fr' for '<code>'"), "\(bad.output)")
            let variable = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "list"],
                environment: ["BACKENDLINGS_LANG": "xx"])
            #expect(variable.status == 2)
            #expect(variable.output.contains("BACKENDLINGS_LANG is \"xx\""), "\(variable.output)")
        }

        @Test func notATerminal_neverAsks_andStoresNothing() async throws {
            let (status, output) = try await E2EFixture.run(
                ["--pack", pack.path, "--workspace", workspace.path, "list"],
                environment: ["LANG": "id_ID.UTF-8"])
            #expect(status == 0)
            #expect(!output.contains("Language / Bahasa"))
            #expect(output.contains("latihan selesai"), "the locale still chooses Indonesian: \(output)")
            #expect(storedLanguage() == nil)
        }

        @Test func firstRunOnATerminal_asksOnce_andIAnswersIndonesian() async throws {
            let environment = ProcessInfo.processInfo.environment.merging([
                "TERM": "xterm", "NO_COLOR": "1", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "id_ID.UTF-8",
                "BACKENDLINGS_LANG": "",
            ]) { _, new in new }
            let arguments = ["--pack", pack.path, "--workspace", workspace.path, "list"]
            let first = try PTYProcess(E2EFixture.binary, arguments, environment: environment, language: nil)
            let asked = await WatchSupport.waitUntil(.seconds(30)) {
                first.output.contains("Language / Bahasa: [e] English  [i] Bahasa Indonesia")
            }
            #expect(asked, "no question: \(first.output)")
            first.type("i")
            #expect(try await offThePool { first.waitForExit(timeout: .seconds(30)) } == 0)
            let answered = PTYProcess.plain(first.output)
            #expect(answered.contains("Bahasa Indonesia\r\n"), "\(answered)")
            #expect(answered.contains("0 dari 1 latihan selesai"), "Indonesian at once: \(answered)")
            #expect(storedLanguage() == "id")

            let second = try PTYProcess(E2EFixture.binary, arguments, environment: environment, language: nil)
            #expect(try await offThePool { second.waitForExit(timeout: .seconds(30)) } == 0)
            let again = PTYProcess.plain(second.output)
            #expect(!again.contains("Language / Bahasa"), "asked twice: \(again)")
            #expect(again.contains("0 dari 1 latihan selesai"), "\(again)")
        }

        @Test func anEnglishLocale_isNotAsked() async throws {
            let environment = ProcessInfo.processInfo.environment.merging([
                "TERM": "xterm", "NO_COLOR": "1", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8",
                "BACKENDLINGS_LANG": "",
            ]) { _, new in new }
            let process = try PTYProcess(
                E2EFixture.binary, ["--pack", pack.path, "--workspace", workspace.path, "list"],
                environment: environment, language: nil)
            #expect(try await offThePool { process.waitForExit(timeout: .seconds(30)) } == 0)
            #expect(!process.output.contains("Language / Bahasa"))
            #expect(process.output.contains("0 of 1 exercises done"))
        }
    }
#endif
