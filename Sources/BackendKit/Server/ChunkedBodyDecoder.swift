import Foundation

/// Decodes a `Transfer-Encoding: chunked` body (RFC 9112 §7.1) incrementally, within a size limit.
struct ChunkedBodyDecoder {
    enum Outcome {
        case needMoreData(consumed: Int)
        case complete(Data, consumed: Int)
        case failure(ParseFailure)
    }

    private enum Phase {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    private let maxBodyBytes: Int
    private var phase = Phase.size
    private var body = Data()
    private var trailerBytes = 0

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var index = 0
        while true {
            switch phase {
            case .size:
                guard let lineFeed = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                    if bytes.count - index > 1024 {
                        return .failure(.badRequest("A chunk-size line is too long."))
                    }
                    return .needMoreData(consumed: index)
                }
                var end = lineFeed
                if end > index, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = bytes[index..<end]
                let sizeDigits = line.prefix {
                    $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t")
                }
                guard !sizeDigits.isEmpty, sizeDigits.count <= 15,
                    let size = Int(String(decoding: sizeDigits, as: UTF8.self), radix: 16)
                else {
                    return .failure(.badRequest("A chunk size is not a hexadecimal number."))
                }
                if body.count + size > maxBodyBytes {
                    return .failure(
                        ParseFailure(
                            status: .contentTooLarge,
                            detail: "The body is larger than the limit of \(maxBodyBytes) bytes."))
                }
                index = lineFeed + 1
                phase = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, bytes.count - index)
                if available > 0 {
                    body.append(UnsafeBufferPointer(rebasing: bytes[index..<(index + available)]))
                    index += available
                }
                if available < remaining {
                    phase = .data(remaining: remaining - available)
                    return .needMoreData(consumed: index)
                }
                phase = .dataEnd
            case .dataEnd:
                if index < bytes.count, bytes[index] == UInt8(ascii: "\r") {
                    guard index + 1 < bytes.count else { return .needMoreData(consumed: index) }
                    guard bytes[index + 1] == UInt8(ascii: "\n") else {
                        return .failure(.badRequest("A chunk is not followed by CRLF."))
                    }
                    index += 2
                } else if index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                } else if index >= bytes.count {
                    return .needMoreData(consumed: index)
                } else {
                    return .failure(.badRequest("A chunk is longer than its declared size."))
                }
                phase = .size
            case .trailers:
                guard let lineFeed = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                    if trailerBytes + bytes.count - index > 8192 {
                        return .failure(.badRequest("The chunked trailer section is too large."))
                    }
                    return .needMoreData(consumed: index)
                }
                let lineLength = lineFeed - index
                trailerBytes += lineLength + 1
                if trailerBytes > 8192 {
                    return .failure(.badRequest("The chunked trailer section is too large."))
                }
                index = lineFeed + 1
                if lineLength == 0 || (lineLength == 1 && bytes[lineFeed - 1] == UInt8(ascii: "\r")) {
                    return .complete(body, consumed: index)
                }
            }
        }
    }
}
