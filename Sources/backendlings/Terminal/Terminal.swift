#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Escape sequences and unbuffered output for the watch screen.
///
/// `write` goes straight to the file descriptor with write(2). Swift's `print` is buffered by the C
/// library, so a screen that mixes the two can come out in the wrong order: pick one per screen.
enum Terminal {
    static let hideCursor = "\u{1B}[?25l"
    static let showCursor = "\u{1B}[?25h"
    /// Moves to the top-left corner, clears the screen and the scrollback, so a new check's output
    /// never scrolls under the old one.
    static let clearScreen = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
    /// The alternate screen: a full-screen program draws there, and the learner's scrollback comes
    /// back untouched when it leaves.
    static let enterAlternateScreen = "\u{1B}[?1049h"
    static let leaveAlternateScreen = "\u{1B}[?1049l"

    /// The size of the terminal on `fileDescriptor`; 80x24 when it cannot be asked (not a
    /// terminal, or a terminal that reports zero).
    static func size(of fileDescriptor: Int32 = STDOUT_FILENO) -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether `fileDescriptor` is a terminal (not a pipe, a file or /dev/null).
    static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// Writes all of `text`, retrying after signals and short writes. Errors (a closed pipe, a
    /// terminal that went away) are ignored: there is nowhere left to report them.
    static func write(_ text: String, to fileDescriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let written = systemWrite(fileDescriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
