import Grader
import Testing

@testable import backendlings

/// Every kind of usage error, as the learner sees it on standard error.
@Suite struct UsageErrorTests {
    let parser = CommandLineParser()

    private func errorText(_ arguments: [String]) -> String {
        guard case .usageError(let error) = parser.parse(arguments) else {
            Issue.record("expected a usage error for \(arguments), got \(parser.parse(arguments))")
            return ""
        }
        #expect(error.exitCode == 64)
        return error.rendered
    }

    @Test func unknownCommand_suggestsTheClosestCommand() {
        #expect(
            errorText(["lsit"]) == """
                Error: Unknown command 'lsit'. Did you mean 'list'?
                Usage: backendlings [--pack <path>] [--workspace <path>] [--lang <code>] [--poll] [<subcommand>]
                See 'backendlings --help'.

                """)
    }

    @Test func unknownCommand_withNothingClose_hasNoSuggestion() {
        #expect(
            errorText(["db01-schema"]) == """
                Error: Unknown command 'db01-schema'.
                Usage: backendlings [--pack <path>] [--workspace <path>] [--lang <code>] [--poll] [<subcommand>]
                See 'backendlings --help'.

                """)
    }

    @Test func unknownLanguage_isAnInvalidValueOfLang() {
        #expect(
            errorText(["--lang", "xx", "list"]) == """
                Error: Invalid value 'xx' for '--lang <code>': expected en (English) or id (Bahasa Indonesia).
                Usage: backendlings list
                See 'backendlings list --help'.

                """)
    }

    @Test func inIndonesian_everyPartOfAUsageErrorIsTranslated() {
        Language.$bound.withValue(.id) {
            #expect(
                errorText(["lsit"]) == """
                    Error: Perintah 'lsit' tidak dikenal. Maksudmu 'list'?
                    Cara pakai: backendlings [--pack <path>] [--workspace <path>] [--lang <code>] [--poll] [<subcommand>]
                    Lihat 'backendlings --help'.

                    """)
            #expect(
                errorText(["serve", "--port", "0"]).hasPrefix(
                    "Error: Nilai '0' untuk '--port <port>' tidak valid: seharusnya bilangan bulat dari 1 sampai 65535.\n"
                ))
            #expect(
                errorText(["--lang", "xx"]).hasPrefix(
                    "Error: Nilai 'xx' untuk '--lang <code>' tidak valid: seharusnya en (English) atau id (Bahasa Indonesia).\n"
                ))
        }
    }

    @Test func unknownSubcommandOfDev_pointsToDevHelp() {
        #expect(
            errorText(["dev", "chek"]) == """
                Error: Unknown command 'chek'. Did you mean 'check'?
                Usage: backendlings dev <subcommand>
                See 'backendlings dev --help'.

                """)
    }

    @Test func unknownHelpTopic_isAnUnknownCommand() {
        #expect(
            errorText(["help", "progres"]) == """
                Error: Unknown command 'progres'. Did you mean 'progress'?
                Usage: backendlings [--pack <path>] [--workspace <path>] [--lang <code>] [--poll] [<subcommand>]
                See 'backendlings --help'.

                """)
    }

    @Test func unknownOption_suggestsTheClosestOption() {
        #expect(
            errorText(["check", "--jsn"]) == """
                Error: Unknown option '--jsn'. Did you mean '--json'?
                Usage: backendlings check [<exercise>] [--json] [--results-json <file>] [--junit <file>] [--points]
                See 'backendlings check --help'.

                """)
    }

    @Test func unknownOption_ofAnotherCommand_isRejected() {
        #expect(
            errorText(["check", "--port", "80"]) == """
                Error: Unknown option '--port'.
                Usage: backendlings check [<exercise>] [--json] [--results-json <file>] [--junit <file>] [--points]
                See 'backendlings check --help'.

                """)
    }

    @Test func missingArgument_namesTheArgument() {
        #expect(
            errorText(["reset"]) == """
                Error: Missing argument <exercise>.
                Usage: backendlings reset <exercise>
                See 'backendlings reset --help'.

                """)
        #expect(
            errorText(["dev", "new", "databases"]) == """
                Error: Missing argument <exercise>.
                Usage: backendlings dev new <module> <exercise>
                See 'backendlings dev new --help'.

                """)
    }

    @Test func unexpectedExtraArgument_isReported() {
        #expect(
            errorText(["goto", "db01-schema", "db02-insert"]) == """
                Error: Unexpected extra argument 'db02-insert'.
                Usage: backendlings goto <exercise>
                See 'backendlings goto --help'.

                """)
    }

    @Test func invalidPort_saysWhatIsExpected() {
        let expected = """
            Error: Invalid value 'eighty' for '--port <port>': expected a whole number from 1 to 65535.
            Usage: backendlings serve [<exercise>] [--port <port>] [--fresh]
            See 'backendlings serve --help'.

            """
        #expect(errorText(["serve", "--port", "eighty"]) == expected)
        #expect(errorText(["serve", "--port=0"]).hasPrefix("Error: Invalid value '0' for '--port <port>'"))
        #expect(
            errorText(["serve", "-p", "65536"]).hasPrefix("Error: Invalid value '65536' for '--port <port>'"))
        #expect(
            errorText(["serve", "--port", "-1"]).hasPrefix("Error: Invalid value '-1' for '--port <port>'"))
    }

    @Test func missingOptionValue_isReported() {
        #expect(
            errorText(["serve", "--port"]) == """
                Error: Missing value for '--port <port>'.
                Usage: backendlings serve [<exercise>] [--port <port>] [--fresh]
                See 'backendlings serve --help'.

                """)
        #expect(
            errorText(["--pack", "--workspace", "w"]).hasPrefix("Error: Missing value for '--pack <path>'.\n")
        )
        #expect(errorText(["--pack="]).hasPrefix("Error: Missing value for '--pack <path>'.\n"))
    }

    @Test func flagGivenAValue_isReported() {
        #expect(
            errorText(["progress", "--json=yes"]) == """
                Error: '--json' does not take a value.
                Usage: backendlings progress [--json] [--web] [--port <port>]
                See 'backendlings progress --help'.

                """)
    }

    @Test func groupWithoutSubcommand_listsTheChoices() {
        #expect(
            errorText(["dev"]) == """
                Error: 'backendlings dev' needs a subcommand: check, mutants, new, starter, adopt, translations, grade, classroom.
                Usage: backendlings dev <subcommand>
                See 'backendlings dev --help'.

                """)
    }

    @Test func firstProblem_isTheOneReported() {
        #expect(errorText(["check", "--jsn", "--bogus"]).hasPrefix("Error: Unknown option '--jsn'."))
    }
}
