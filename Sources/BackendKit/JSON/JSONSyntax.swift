import Foundation
import StrictJSON

/// Checks that bytes are JSON exactly as RFC 8259 defines it, before Foundation decodes them.
///
/// Foundation's decoder on Linux accepts some things that are not JSON, such as trailing commas
/// (`{"a":1,}`). A client that sends those works against a lenient server and breaks against a
/// strict one, so BackendKit refuses them with a message that says where the problem is. The
/// reading is `StrictJSON`'s, the one strict reader the runner uses for `pack.json` too.
enum JSONSyntax {
    /// Request bodies: deep enough for any real document, shallow enough that a hostile one cannot
    /// exhaust the stack; a repeated member keeps Foundation's rule (the last one wins).
    static let options = StrictJSON.Options(
        maximumDepth: 512, allowsDuplicateKeys: true, skipsByteOrderMark: false,
        endName: "the end of the body")

    static func validate(_ data: Data) throws(JSONSyntaxError) {
        try StrictJSON.validate(data, options: options)
    }

    /// "a comma before '}' (a trailing comma is not JSON) at byte 14": where a client developer looks.
    static func describe(_ error: JSONSyntaxError) -> String {
        "\(error.message) at byte \(error.offset + 1)"
    }
}
