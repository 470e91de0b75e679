#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a stream of byte chunks into complete lines, for callers that watch output as it arrives
/// (the `Listening on …` line). Lines longer than `maximumLineLength` are delivered in pieces, so a
/// program printing megabytes without a newline cannot grow this buffer without bound.
struct LineSplitter {
    static let maximumLineLength = 16 * 1024

    private var pending: [UInt8] = []

    /// Appends a chunk and returns the lines it completed, without their `\n`.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> [String] {
        guard let base = bytes.baseAddress else { return [] }
        var lines: [String] = []
        var offset = 0
        while offset < bytes.count {
            let remaining = bytes.count - offset
            let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), remaining)
            let length = newline.map { base.distance(to: UnsafeRawPointer($0)) - offset } ?? remaining
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: length))
            offset += length
            while pending.count > Self.maximumLineLength {
                lines.append(String(decoding: pending.prefix(Self.maximumLineLength), as: UTF8.self))
                pending.removeFirst(Self.maximumLineLength)
            }
            if newline != nil {
                offset += 1
                lines.append(takePending())
            }
        }
        return lines
    }

    /// The unfinished last line, when the stream ended without a newline.
    mutating func finish() -> String? {
        pending.isEmpty ? nil : takePending()
    }

    private mutating func takePending() -> String {
        defer { pending.removeAll(keepingCapacity: true) }
        return String(decoding: pending, as: UTF8.self)
    }
}
