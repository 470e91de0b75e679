/// How a text report marks things up: symbols for passed, failed and skipped checks, and transforms
/// for emphasis.
///
/// The report renderer decides *what* is emphasised; a style decides *how*. The command line
/// conforms its coloured terminal style; ``UnicodeTextStyle`` and ``PlainTextStyle`` need no terminal
/// and are what golden files and logs use. The three symbols should have the same width so the check
/// list stays aligned. Transforms must return their text unchanged apart from added markup: the
/// renderer relies on that to keep curl lines copyable.
public protocol TextStyle: Sendable {
    /// Put before a passed check.
    var passSymbol: String { get }
    /// Put before a failed or errored check, and before the explanation of a failure.
    var failSymbol: String { get }
    /// Put before a check that did not run.
    var skipSymbol: String { get }

    /// A good outcome: the symbol of a passed check, "All 5 checks passed".
    func success(_ text: String) -> String
    /// A bad outcome: the symbol of a failed check, "2 of 4 checks passed".
    func failure(_ text: String) -> String
    /// Something to notice that is not a failure: the "Hint:" label.
    func warning(_ text: String) -> String
    /// Secondary text: checks that did not run, durations.
    func dim(_ text: String) -> String
    /// Names and headings: the exercise id, the failed check's name, "Request".
    func bold(_ text: String) -> String
    /// A command or a name from code inside a sentence ("run `backendlings serve`"). Styles without
    /// colour should keep it recognisable, which the default does with backticks.
    func code(_ text: String) -> String
}

extension TextStyle {
    public func success(_ text: String) -> String { text }
    public func failure(_ text: String) -> String { text }
    public func warning(_ text: String) -> String { text }
    public func dim(_ text: String) -> String { text }
    public func bold(_ text: String) -> String { text }
    public func code(_ text: String) -> String { "`" + text + "`" }
}

/// No colours, Unicode symbols: `✓`, `✗`, `-`. For terminals that show Unicode but where colour is
/// off (`NO_COLOR`), and for readable golden files.
public struct UnicodeTextStyle: TextStyle {
    public init() {}
    public var passSymbol: String { "✓" }
    public var failSymbol: String { "✗" }
    public var skipSymbol: String { "-" }
}

/// No colours, ASCII words: `PASS`, `FAIL`, `SKIP`. For logs, CI output, screen readers and
/// terminals with fonts that lack the Unicode symbols; words also survive a grep.
public struct PlainTextStyle: TextStyle {
    public init() {}
    public var passSymbol: String { "PASS" }
    public var failSymbol: String { "FAIL" }
    public var skipSymbol: String { "SKIP" }
}
