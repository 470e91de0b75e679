/// Escaping for XML 1.0 text and attribute values.
///
/// Besides the markup characters, XML 1.0 forbids most control characters outright (a file holding
/// one is not well-formed, and CI tools reject the whole report), so those become U+FFFD.
enum XMLEscaping {
    /// `text` for use between tags: `&`, `<` and `>` as entities, forbidden characters replaced.
    /// Quotes stay as they are: they need no escaping there, and JSON bodies and curl lines stay
    /// readable for someone looking at the raw file in a CI log.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` for use inside a double-quoted attribute: `& < > " '` as entities. Also writes tab,
    /// line feed and carriage return as character references: a parser would otherwise turn them
    /// into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case _ where !isAllowed(scalar): result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XML 1.0's `Char` production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    /// (Swift strings cannot hold surrogates, so only the other gaps need checking.)
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
