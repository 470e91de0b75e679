extension OutputStyle {
    /// The marks used in lists and reports. Plain forms are words so they survive any font, screen
    /// reader or log viewer; note they are wider than the one-column rich forms.
    enum Symbol: Sendable, CaseIterable {
        /// A passed check or finished exercise: `✓` / `[done]`.
        case done
        /// A failed check: `✗` / `[fail]`.
        case failed
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
        case (.current, .rich): return "●"
        case (.current, .plain): return "*"
        case (.pending, .rich): return "○"
        case (.pending, .plain): return "[todo]"
        case (.pointer, .rich): return "▸"
        case (.pointer, .plain): return ">"
        }
    }

    /// A bar `width` characters wide, filled in proportion to `completed / total`; full only when
    /// everything is complete. `█`/`░` when rich, `#`/`-` when plain.
    func progressBar(completed: Int, total: Int, width: Int) -> String {
        let width = max(0, width)
        let filled: Int
        if total <= 0 {
            filled = 0
        } else {
            filled = min(width, max(0, completed) * width / total)
        }
        let (full, empty) = mode == .rich ? ("█", "░") : ("#", "-")
        return String(repeating: full, count: filled) + String(repeating: empty, count: width - filled)
    }
}
