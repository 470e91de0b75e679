/// Quoting for POSIX shells (sh, dash, bash, zsh), so a command a report prints reaches the program
/// with exactly the arguments it shows, whatever the text holds (quotes, `$`, backticks, `;`, spaces).
public enum ShellQuoting {
    /// `word` as it is when every character is harmless to a shell, otherwise single-quoted.
    public static func quotedIfNeeded(_ word: String) -> String {
        guard !word.isEmpty, word.unicodeScalars.allSatisfy(isHarmless) else { return quoted(word) }
        return word
    }

    /// `word` in single quotes. Inside single quotes a shell gives every character its literal
    /// meaning except the single quote itself, which is written `'\''` (close, escaped quote, reopen).
    static func quoted(_ word: String) -> String {
        "'" + word.replacingAll("'", with: #"'\''"#) + "'"
    }

    /// `text` as a `printf` format that prints exactly `text`: `%` and `\` escaped, line breaks and
    /// tabs as `\n`, `\r`, `\t`, and every other character that a terminal would not show plainly as
    /// octal `\ooo` escapes of its UTF-8 bytes. The result holds only visible characters and is safe
    /// to single-quote on one line. A leading `-` is escaped so printf cannot take it for an option.
    static func printfFormat(_ text: String) -> String {
        var format = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": format += "%%"
            case "\\": format += "\\\\"
            case "\n": format += "\\n"
            case "\r": format += "\\r"
            case "\t": format += "\\t"
            case "-" where format.isEmpty: format += "\\055"
            case _ where isInvisible(scalar):
                for byte in scalar.utf8 { format += "\\" + octal(byte) }
            default: format.unicodeScalars.append(scalar)
            }
        }
        return format
    }

    /// `bytes` as a `printf` format that prints exactly them, whatever they hold: as
    /// ``printfFormat(_:)`` for valid UTF-8, otherwise printable ASCII as it is and every other byte
    /// as an octal escape, so bytes that are not text (a broken UTF-8 sequence) arrive unchanged.
    static func printfFormat(bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if Array(text.utf8) == bytes { return printfFormat(text) }
        var format = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "%"): format += "%%"
            case UInt8(ascii: "\\"): format += "\\\\"
            case UInt8(ascii: "-") where format.isEmpty: format += "\\055"
            case 0x20...0x7E: format.unicodeScalars.append(Unicode.Scalar(byte))
            default: format += "\\" + octal(byte)
            }
        }
        return format
    }

    /// Whether `text` cannot be shown faithfully inside single quotes on one line: it has line breaks,
    /// control characters, or invisible formatting characters (zero-width spaces, direction marks).
    static func needsPrintf(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isInvisible)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if ReportText.isControl(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }

    /// Letters, digits and `-_./:@%+,=`: characters no POSIX shell treats specially in the middle of
    /// a word. Anything else (including `~`, `#`, `!`, `?`, `*`, `[`, `{`, `&`) leads to quoting.
    private static func isHarmless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": true
        default: false
        }
    }

    private static func octal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}

extension String {
    /// Every occurrence of the scalar `target` replaced. Works on scalars, not characters: `'`
    /// followed by a combining accent is one `Character`, and must still be escaped.
    fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
