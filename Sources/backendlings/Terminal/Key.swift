/// One keystroke as the watch screen cares about it.
enum Key: Equatable, Sendable {
    /// A printable character: letters (any language), digits, punctuation, space.
    case character(Character)
    /// Return or Enter (`\r` or `\n`).
    case enter
    /// Ctrl-C. In raw mode it arrives as a key (byte 3), not as SIGINT, so watch can stop cleanly.
    case interrupt
    /// Ctrl-D.
    case endOfInput
    /// Anything else: arrows and other escape sequences, a lone Escape, other control keys. Swallowed
    /// whole, so an arrow's bytes never turn into stray letters.
    case other
}
