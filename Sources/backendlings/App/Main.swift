import Foundation
import Grader
import Runner

/// The `backendlings` command: choose the language, parse, run, and turn every outcome into an
/// exit status.
@main
struct Main {
    static func main() async {
        ChildProcess.killAllOnExit()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let early = GlobalOptionScan(arguments)
        let language = LanguageChoice.forCommand(
            option: early["lang"], packOption: early["pack"], workspaceOption: early["workspace"])
        Language.processDefault = language.choice.language
        let outcome = CommandLineParser().parse(arguments)
        switch outcome {
        case .help(let text):
            Console.out(text.hasSuffix("\n") ? text : text + "\n")
        case .version:
            Console.out("backendlings \(Version.current)\n")
        case .usageError(let error):
            Console.err(error.rendered.hasSuffix("\n") ? error.rendered : error.rendered + "\n")
        case .run(let invocation):
            if let problem = language.problem {
                Console.err(OutputStyle.forStandardOutput().failure("Error: ") + problem.description + "\n")
                exit(2)
            }
            if language.choice.shouldAsk, invocation.command.mayAskForLanguage {
                LanguageQuestion.askOnce(language)
            }
            let status = await App(invocation: invocation, language: language).run()
            exit(status)
        }
        exit(outcome.exitCode ?? 0)
    }
}

enum Version {
    static let current = "0.1.0"
}
