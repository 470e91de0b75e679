import Foundation
import Grader

extension LanguageChoice {
    /// The language of one command, found before anything is printed and before the pack is
    /// loaded, so even an error about the pack is in the learner's language.
    public struct ForCommand: Sendable {
        /// What to speak now.
        public var choice: LanguageChoice
        /// The workspace folder whose settings were read (it may not exist yet); `nil` when no
        /// workspace could be located (then nothing can be stored).
        public var workspace: URL?
        /// A `BACKENDLINGS_LANG` Backendlings does not speak; the command should stop with it.
        public var problem: LanguageChoiceError?

        public init(choice: LanguageChoice, workspace: URL?, problem: LanguageChoiceError?) {
            self.choice = choice
            self.workspace = workspace
            self.problem = problem
        }

        /// Nothing chose: English, for a command started without the CLI's setup (tests).
        public static let unchosen = ForCommand(
            choice: LanguageChoice(language: .en, source: .fallback), workspace: nil, problem: nil)
    }

    /// The choice for a command: `option` is the `--lang` value when it names a language (an
    /// unknown one is the parser's usage error, so it is skipped here); the workspace is found as
    /// every command finds it (`--workspace`, `BACKENDLINGS_WORKSPACE`, the folder you are in).
    public static func forCommand(
        option: String?, packOption: String?, workspaceOption: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = FileSystem.currentDirectory
    ) -> ForCommand {
        let workspace = try? Locations.resolve(
            packOption: packOption, workspaceOption: workspaceOption, environment: environment,
            currentDirectory: currentDirectory
        ).workspace
        let stored = workspace.flatMap { WorkspaceSettings.load(fromWorkspaceAt: $0).language }
        let option = option.flatMap { Language(code: $0) == nil ? nil : $0 }
        do {
            let choice = try resolve(option: option, environment: environment, stored: stored)
            return ForCommand(choice: choice, workspace: workspace, problem: nil)
        } catch {
            var rest = environment
            rest[variable] = nil
            let choice =
                (try? resolve(option: option, environment: rest, stored: stored))
                ?? LanguageChoice(language: .en, source: .fallback)
            return ForCommand(choice: choice, workspace: workspace, problem: error)
        }
    }

    /// The language to suggest when asking: the locale's, else English.
    public var suggestion: Language { source == .locale ? language : .en }
}
