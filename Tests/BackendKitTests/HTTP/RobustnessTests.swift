import Foundation
import Testing

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

/// Throws thousands of generated malformed, truncated and oversized requests at a real server and
/// checks that it still answers a valid request correctly afterwards.
@Suite(.timeLimit(.minutes(2)))
struct RobustnessTests {
    /// A small deterministic generator, so a failure can be reproduced from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let valid = Array(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello".utf8)

    static func mutate(_ base: [UInt8], using random: inout SplitMix) -> [UInt8] {
        var bytes = base
        switch Int.random(in: 0..<9, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))  // truncated
        case 1:  // random byte flips
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(
                    in: 0...255, using: &random)
            }
        case 2:
            bytes = (0..<Int.random(in: 1...2000, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
        case 3:
            bytes = Array(
                "GET /\(String(repeating: "x", count: Int.random(in: 8000...20000, using: &random))) HTTP/1.1\r\n"
                    .utf8)
        case 4:
            bytes =
                Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
                + Array(repeating: Array("A: b\r\n".utf8), count: Int.random(in: 90...4000, using: &random))
                .flatMap { $0 }
        case 5:
            bytes = Array(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(String(Int.random(in: 0...Int(Int32.max), using: &random), radix: 16))\r\nabc"
                    .utf8)
        case 6:
            bytes = Array(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(Int.random(in: -5...Int.max, using: &random))\r\n\r\n"
                    .utf8)
        case 7:
            bytes.insert(
                contentsOf: [0, 13, 10, 32, 9][...].shuffled(using: &random),
                at: Int.random(in: 0...bytes.count, using: &random))
        default:
            bytes = Array(
                "\(["GET", "POST", "BREW", "", "G ET"].randomElement(using: &random)!) \(["/", "*", "", "//..//", "/%ZZ", "/\u{0}"].randomElement(using: &random)!) HTTP/\(["1.1", "1.0", "0.9", "1.12", "x"].randomElement(using: &random)!)\r\nHost: x\r\n\r\n"
                    .utf8)
        }
        return bytes
    }

    @Test func thousandsOfBadRequests_neverCrashTheServer() async throws {
        let router = Router()
        router.post("/echo") { .text($0.bodyText) }
        router.get("/hello") { _ in .text("Hello, world!") }
        var configuration = ServerConfiguration()
        configuration.logger = Logger(level: .error, output: .collect { _ in })
        configuration.timeouts.requestRead = .milliseconds(200)
        let server = Server(router: router, configuration: configuration)
        let port = try server.start()
        defer { server.shutdown(grace: .milliseconds(100)) }

        let seed: UInt64 = 20_261_129
        var random = SplitMix(state: seed)
        let cases = (0..<3000).map { _ in Self.mutate(Self.valid, using: &random) }
        // Blocking sockets, so the workers get threads of their own: as tasks they would hold every
        // thread of the cooperative pool for seconds, and stall every other test's awaits meanwhile.
        await onOwnThreads(8) { worker in
            for index in stride(from: worker, to: cases.count, by: 8) {
                guard let client = try? RawClient(port: port, receiveTimeout: 0.05) else { continue }
                try? client.send(cases[index])
                if Bool.random() { _ = client.readUntilClose() }
            }
        }
        let client = try RawClient(port: port)
        try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.body == "Hello, world!")
    }
}
