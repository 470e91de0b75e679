import Foundation

/// One frame line of the Swift backtracer's output, such as
/// `  2 [ra] 0x000055a4cc56a93c BookStore.find(id:) + 283 in db02 at /w/BookStore.swift:8:21`.
struct BacktraceFrame: Equatable {
    var function: String
    /// The path the compiler recorded, `nil` when the frame has no source location (runtime
    /// libraries) or only a made-up one (`//<compiler-generated>`).
    var file: String?
    var line: Int?
    var column: Int?

    /// Parses a frame line; `nil` for anything else (headers, `...`, blank lines).
    ///
    /// Function names may themselves contain " in " (`closure #1 in BookStore.find(id:)`), so the
    /// line is read from the right: the last " at " starts the location, the last " in " before it
    /// the image.
    init?(line text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, first.allSatisfy(\.isNumber),
            let address = words.firstIndex(where: { $0.hasPrefix("0x") && $0.count > 2 })
        else { return nil }
        guard let addressRange = text.range(of: " " + words[address] + " ") else { return nil }
        var rest = Substring(text[addressRange.upperBound...])
        if let at = rest.range(of: " at ", options: .backwards) {
            (file, line, column) = Self.parseLocation(rest[at.upperBound...])
            rest = rest[..<at.lowerBound]
        }
        if let image = rest.range(of: " in ", options: .backwards) { rest = rest[..<image.lowerBound] }
        if let offset = rest.range(of: " + ", options: .backwards),
            rest[offset.upperBound...].allSatisfy(\.isNumber)
        {
            rest = rest[..<offset.lowerBound]
        }
        function = rest.trimmingCharacters(in: .whitespaces)
    }

    /// `/path/File.swift:8:21`, `/path/File.swift:47` or `/path/File.swift`.
    private static func parseLocation(_ text: Substring) -> (String?, Int?, Int?) {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        while numbers.count < 2, parts.count > 1, let last = parts.last, let number = Int(last) {
            numbers.insert(number, at: 0)
            parts.removeLast()
        }
        let file = parts.joined(separator: ":")
        if file.isEmpty || file.contains("<compiler-generated>") { return (nil, nil, nil) }
        return (file, numbers.first, numbers.count > 1 ? numbers[1] : nil)
    }
}
