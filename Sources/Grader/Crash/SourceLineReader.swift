import Foundation

/// Reads one line of a source file for a crash report, carefully: the path comes from a crashed
/// program's output, so only regular, reasonably small files are read.
enum SourceLineReader {
    /// Files larger than this are not read (a source file is rarely over a few hundred KiB).
    static let maxFileBytes = 2 << 20
    /// Characters of the line kept at most.
    static let maxLineLength = 160

    /// Line `number` (1-based) of the file at `path`, without its indentation; `nil` when the file
    /// cannot be read, is too large, or is shorter.
    @Sendable static func line(_ path: String, _ number: Int) -> String? {
        guard number > 0,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? Int, size <= maxFileBytes,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let lines = ReportText.lines(String(decoding: data, as: UTF8.self))
        guard number <= lines.count else { return nil }
        let text = lines[number - 1].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let cleaned = ReportText.clean(text)
        return cleaned.count > maxLineLength ? String(cleaned.prefix(maxLineLength)) + "…" : cleaned
    }
}
