import Grader
import Testing

@testable import backendlings

@Suite struct CommandLineParserTests {
    let parser = CommandLineParser()

    private func parsed(_ arguments: [String]) -> Invocation? {
        guard case .run(let invocation) = parser.parse(arguments) else { return nil }
        return invocation
    }

    @Test(arguments: [
        ([], Command.start(poll: false)),
        (["--poll"], .start(poll: true)),
        (["list"], .list),
        (["check"], .check(exercise: nil, json: false)),
        (["check", "db01-schema"], .check(exercise: "db01-schema", json: false)),
        (["check", "--json", "db01-schema"], .check(exercise: "db01-schema", json: true)),
        (["check-all", "--json"], .checkAll(json: true)),
        (["watch"], .watch(poll: false)),
        (["watch", "--poll"], .watch(poll: true)),
        (["hint"], .hint(exercise: nil)),
        (["hint", "db02-insert"], .hint(exercise: "db02-insert")),
        (["serve"], .serve(exercise: nil, port: nil, fresh: false)),
        (
            ["serve", "db01-schema", "--port", "8080"],
            .serve(exercise: "db01-schema", port: 8080, fresh: false)
        ),
        (["serve", "--port=1"], .serve(exercise: nil, port: 1, fresh: false)),
        (["serve", "-p", "65535"], .serve(exercise: nil, port: 65_535, fresh: false)),
        (["serve", "api02-crud", "--fresh"], .serve(exercise: "api02-crud", port: nil, fresh: true)),
        (["progress"], .progress(json: false)),
        (["progress", "--json"], .progress(json: true)),
        (["reset", "db01-schema"], .reset(exercise: "db01-schema")),
        (["solution", "db01-schema"], .solution(exercise: "db01-schema", force: false)),
        (["solution", "--force", "db01-schema"], .solution(exercise: "db01-schema", force: true)),
        (["next"], .next),
        (["goto", "db03-select"], .goto(exercise: "db03-select")),
        (["dev", "check"], .devCheck(json: false)),
        (["dev", "check", "--json"], .devCheck(json: true)),
        (
            ["dev", "check", "--no-variants", "--only", "db01-schema/no-unique"],
            .devCheck(json: false, only: ["db01-schema/no-unique"], variants: false)
        ),
        (["dev", "mutants", "db01-schema"], .devMutants(exercise: "db01-schema", json: false)),
        (
            ["dev", "mutants", "api02-crud", "--max", "20", "--seed", "3", "--list", "--json"],
            .devMutants(exercise: "api02-crud", json: true, max: 20, seed: 3, list: true)
        ),
        (["dev", "new", "databases", "db09-joins"], .devNew(module: "databases", exercise: "db09-joins")),
    ])
    func everyCommand_parsesToItsTypedCase(arguments: [String], expected: Command) {
        #expect(parsed(arguments) == Invocation(expected))
    }

    @Test func globalOptions_areAcceptedBeforeAndAfterTheSubcommand() {
        let global = GlobalOptions(packPath: "/packs/web", workspacePath: "ws")
        let expected = Invocation(.check(exercise: "db01-schema", json: false), global: global)
        #expect(parsed(["--pack", "/packs/web", "--workspace", "ws", "check", "db01-schema"]) == expected)
        #expect(parsed(["check", "db01-schema", "--pack", "/packs/web", "--workspace", "ws"]) == expected)
        #expect(parsed(["--pack=/packs/web", "check", "--workspace=ws", "db01-schema"]) == expected)
        #expect(
            parsed(["dev", "--pack", "p", "new", "m", "e"])
                == Invocation(.devNew(module: "m", exercise: "e"), global: GlobalOptions(packPath: "p")))
    }

    @Test func repeatedOption_keepsTheLastValue() {
        #expect(
            parsed(["serve", "--port", "80", "--port", "81"])
                == Invocation(.serve(exercise: nil, port: 81, fresh: false)))
    }

    @Test func doubleDash_makesLaterWordsPositional() {
        #expect(parsed(["check", "--", "--json"]) == Invocation(.check(exercise: "--json", json: false)))
        #expect(parsed(["goto", "--", "-h"]) == Invocation(.goto(exercise: "-h")))
    }

    @Test func optionValue_mayBeginWithADashWhenItIsNotAnOption() {
        #expect(
            parsed(["--workspace", "-odd-folder", "list"])
                == Invocation(.list, global: GlobalOptions(workspacePath: "-odd-folder")))
    }

    @Test func helpFlag_winsAnywhereEvenAfterAnError() {
        guard case .help(let text) = parser.parse(["serve", "--port", "nope", "--help"]) else {
            Issue.record("expected help")
            return
        }
        #expect(text.hasPrefix("OVERVIEW: Run your server so you can try it yourself.\n"))
        guard case .help(let devNew) = parser.parse(["dev", "new", "onlyone", "-h"]) else {
            Issue.record("expected help")
            return
        }
        #expect(devNew.contains("USAGE: backendlings dev new <module> <exercise>\n"))
    }

    @Test func versionFlag_isRecognisedOnlyOnTheRootCommand() {
        #expect(parser.parse(["--version"]) == .version)
        #expect(parser.parse(["--version"]).exitCode == 0)
        guard case .usageError(let error) = parser.parse(["list", "--version"]) else {
            Issue.record("expected a usage error")
            return
        }
        #expect(error.kind == .unknownOption("--version", suggestion: nil))
    }

    @Test func outcomes_mapToExitCodes() {
        #expect(parser.parse(["list"]).exitCode == nil)
        #expect(parser.parse(["--help"]).exitCode == 0)
        #expect(parser.parse(["lsit"]).exitCode == 64)
    }

    @Test func globalOptionScan_readsLangAndWorkspaceBeforeParsing() {
        let scan = GlobalOptionScan(["check", "--lang=id", "--workspace", "/tmp/w", "--", "--lang", "en"])
        #expect(scan["lang"] == "id")
        #expect(scan["workspace"] == "/tmp/w")
        #expect(scan["pack"] == nil)
        #expect(GlobalOptionScan(["--lang", "--json"])["lang"] == nil)
    }

    @Test(arguments: Language.allCases)
    func everyCommandsHelp_fitsInEightyColumns(in language: Language) {
        var paths: [[CommandSpec]] = []
        func collect(_ path: [CommandSpec]) {
            paths.append(path)
            for sub in path[path.count - 1].subcommands { collect(path + [sub]) }
        }
        collect([parser.root])
        #expect(paths.count == 23)
        Language.$bound.withValue(language) {
            for path in paths {
                for line in parser.help.render(path).split(separator: "\n") {
                    #expect(line.count <= 80, "\(language) \(path.map(\.name)): \(line)")
                }
            }
        }
    }
}
