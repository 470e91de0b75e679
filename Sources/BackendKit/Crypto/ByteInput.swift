/// Hands C functions a pointer to any byte collection without copying when the bytes are
/// already contiguous (an array, `Data`), and never a null pointer: some C libraries treat a null
/// pointer differently from an empty buffer.
enum ByteInput {
    static func with<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        if let result = bytes.withContiguousStorageIfAvailable({ withNonNull($0, body) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { withNonNull($0, body) }
    }

    private static func withNonNull<R>(
        _ buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>, Int) -> R
    ) -> R {
        if let base = buffer.baseAddress {
            return body(base, buffer.count)
        }
        var empty: UInt8 = 0
        return withUnsafePointer(to: &empty) { body($0, 0) }
    }
}
