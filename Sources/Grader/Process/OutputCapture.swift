/// Keeps the first and the last bytes of a child's output and counts what falls in between.
///
/// A learner's server may print without end (a log line per loop iteration, a debug dump of every
/// request); the grader must keep working and still show the start (where the first error usually is)
/// and the end (what happened just before it stopped). Not thread-safe: `ChildState` guards it.
struct OutputCapture {
    /// Bytes kept from the start of the output.
    static let headLimit = 64 * 1024
    /// Bytes kept from the end of the output.
    static let tailLimit = 16 * 1024

    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    private var omitted = 0
    /// Every byte seen so far, kept or not.
    private(set) var totalBytes = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        totalBytes += bytes.count
        var rest = bytes[...]
        if head.count < Self.headLimit {
            let taken = rest.prefix(Self.headLimit - head.count)
            head.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
        guard !rest.isEmpty else { return }
        if rest.count >= Self.tailLimit {
            omitted += tail.count + rest.count - Self.tailLimit
            tail = Array(rest.suffix(Self.tailLimit))
            return
        }
        let overflow = tail.count + rest.count - Self.tailLimit
        if overflow > 0 {
            omitted += overflow
            tail.removeFirst(overflow)
        }
        tail.append(contentsOf: rest)
    }

    /// The captured text. Invalid UTF-8 becomes U+FFFD; the tail starts at a character boundary (the
    /// bytes of a character cut in half count as omitted).
    var snapshot: CapturedOutput {
        var start = 0
        if omitted > 0 {
            while start < tail.count, start < 4, tail[start] & 0b1100_0000 == 0b1000_0000 { start += 1 }
        }
        return CapturedOutput(
            head: String(decoding: head, as: UTF8.self),
            tail: String(decoding: tail[start...], as: UTF8.self),
            omittedBytes: omitted + start
        )
    }
}
