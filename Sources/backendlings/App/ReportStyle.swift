import Grader

/// Lets the grader's report renderer use the CLI's colours and symbols.
struct ReportStyle: TextStyle {
    let style: OutputStyle

    var passSymbol: String { style.mode == .rich ? "✓" : "PASS" }
    var failSymbol: String { style.mode == .rich ? "✗" : "FAIL" }
    var skipSymbol: String { style.mode == .rich ? "-" : "SKIP" }
    func success(_ text: String) -> String { style.success(text) }
    func failure(_ text: String) -> String { style.failure(text) }
    func warning(_ text: String) -> String { style.warning(text) }
    func dim(_ text: String) -> String { style.dim(text) }
    func bold(_ text: String) -> String { style.bold(text) }
    func code(_ text: String) -> String { style.mode == .rich ? style.code(text) : "`" + text + "`" }
}
