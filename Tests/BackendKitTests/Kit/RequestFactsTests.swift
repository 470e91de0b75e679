import Foundation
import Testing

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

/// The peer address, raw body bytes and repeated headers, as a handler sees them over a socket.
@Suite(.timeLimit(.minutes(1)))
struct RequestFactsTests {
    @Test func peer_isTheClientsAddressAndPort() async throws {
        try await withTestServer { router in
            router.get("/peer") { request in .text(request.peer?.description ?? "none") }
        } _: { port in
            let client = try RawClient(port: port)
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(client.fd, $0, &length) }
            }
            try client.send("GET /peer HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().body == "127.0.0.1:\(UInt16(bigEndian: address.sin_port))")
        }
        #expect(PeerAddress(host: "::1", port: 80).description == "[::1]:80")
        #expect(PeerAddress(host: "::1", port: 80).isLoopback)
        #expect(!PeerAddress(host: "10.0.0.1", port: 80).isLoopback)
    }

    @Test func body_isTheExactBytesSent_evenWhenChunkedOrNotUTF8() async throws {
        try await withTestServer { router in
            router.post("/sign") { request in
                .text(Hex.encode(SHA256.hash(request.body)) + " \(request.body.count)")
            }
        } _: { port in
            let bytes: [UInt8] = [0xff, 0x00, 0xfe, 0x0d, 0x0a]
            let expected = Hex.encode(SHA256.hash(Data(bytes))) + " 5"
            let client = try RawClient(port: port)
            try client.send(Array("POST /sign HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n".utf8) + bytes)
            #expect(try client.readResponse().body == expected)
            try client.send(
                Array("POST /sign HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n".utf8)
                    + bytes[0..<2]
                    + Array("\r\n3\r\n".utf8) + bytes[2...] + Array("\r\n0\r\n\r\n".utf8))
            #expect(try client.readResponse().body == expected)
        }
    }

    @Test func repeatedHeaders_keepEveryLine_andListElements() async throws {
        try await withTestServer { router in
            router.get("/h") { request in
                .text(
                    "\(request.headers.values(for: "X-Forwarded-For"))|\(request.headers.elements(for: "x-forwarded-for"))"
                )
            }
        } _: { port in
            let client = try RawClient(port: port)
            try client.send(
                "GET /h HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.1.1.1\r\nX-Forwarded-For: 2.2.2.2, ,3.3.3.3\r\n\r\n"
            )
            #expect(
                try client.readResponse().body
                    == "[\"1.1.1.1\", \"2.2.2.2, ,3.3.3.3\"]|[\"1.1.1.1\", \"2.2.2.2\", \"3.3.3.3\"]")
        }
    }
}
