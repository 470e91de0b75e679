extension OutputStyle {
    /// The marks used in lists and reports. Plain forms are words so they survive any font, screen
    /// reader or log viewer; note they are wider than the one-column rich forms.
    enum Symbol: Sendable, CaseIterable {
        /// A passed check or finished exercise: `✓` / `[done]`.
        case done
        /// A failed check: `✗` / `[fail]`.
        case failed
        /// An exercise that passed once but whose latest check fails: `!` / `[done!]`.
        case broken
        /// The exercise being worked on: `●` / `*`.
        case current
        /// An exercise not started yet: `○` / `[todo]`.
        case pending
        /// Points at the selected line: `▸` / `>`.
        case pointer
    }

    func symbol(_ symbol: Symbol) -> String {
        switch (symbol, mode) {
        case (.done, .rich): return "✓"
        case (.done, .plain): return "[done]"
        case (.failed, .rich): return "✗"
        case (.failed, .plain): return "[fail]"
        case (.broken, .rich): return "!"
        case (.broken, .plain): return "[done!]"
        case (.current, .rich): return "●"
        case (.current, .plain): return "*"
        case (.pending, .rich): return "○"
        case (.pending, .plain): return "[todo]"
        case (.pointer, .rich): return "▸"
        case (.pointer, .plain): return ">"
        }
    }

    /// A bar `width` characters wide, filled in proportion to `completed / total`; full only when
    /// everything is complete. `█`/`░` when rich, `#`/`-` when plain. The last `broken` of the
    /// completed exercises (passed once, failing now) are drawn `▒` / `!`, at least one cell when
    /// the bar shows any progress, so a broken exercise is seen in the bar too.
    func progressBar(completed: Int, total: Int, width: Int, broken: Int = 0) -> String {
        let width = max(0, width)
        let filled: Int
        var brokenCells = 0
        if total <= 0 {
            filled = 0
        } else {
            let completed = max(0, completed)
            filled = min(width, completed * width / total)
            let brokenCount = min(max(0, broken), completed)
            if brokenCount > 0 && filled > 0 {
                let intact = min(width, (completed - brokenCount) * width / total)
                brokenCells = max(1, filled - intact)
            }
        }
        let (full, cracked, empty) = mode == .rich ? ("█", "▒", "░") : ("#", "!", "-")
        return String(repeating: full, count: filled - brokenCells)
            + String(repeating: cracked, count: brokenCells)
            + String(repeating: empty, count: width - filled)
    }
}
