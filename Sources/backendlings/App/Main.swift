import Foundation
import Grader
import Runner

/// The `backendlings` command: parse, run, and turn every outcome into an exit status.
@main
struct Main {
    static func main() async {
        ChildProcess.killAllOnExit()
        let outcome = CommandLineParser().parse(Array(CommandLine.arguments.dropFirst()))
        switch outcome {
        case .help(let text):
            Console.out(text.hasSuffix("\n") ? text : text + "\n")
        case .version:
            Console.out("backendlings \(Version.current)\n")
        case .usageError(let error):
            Console.err(error.rendered.hasSuffix("\n") ? error.rendered : error.rendered + "\n")
        case .run(let invocation):
            let status = await App(invocation: invocation).run()
            exit(status)
        }
        exit(outcome.exitCode ?? 0)
    }
}

enum Version {
    static let current = "0.1.0"
}
