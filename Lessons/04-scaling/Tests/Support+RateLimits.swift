import Foundation
import GraderKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Requests from other clients than the grader's own: a connection whose source address is
/// another loopback address (127.0.0.2, 127.0.1.7…), so the server's `request.peer.host` really
/// differs. Linux routes all of 127.0.0.0/8 to the loopback; a machine without such addresses
/// (macOS has only 127.0.0.1 unless aliased) makes the check "not checked".
enum OtherClients {
    /// What came back: the status and the `Retry-After` header, if any.
    struct Answer {
        var status: Int
        var retryAfter: String?
    }

    /// The `index`th other client's address: 127.0.1.1, 127.0.1.2, … (at most 254 of them).
    static func address(_ index: Int) -> String { "127.0.1.\(index % 254 + 1)" }

    /// `POST /links` from `address` to the main server (or to `port`, another instance's), with
    /// `Connection: close`.
    static func createLink(_ t: TestContext, from address: String, port: Int? = nil) throws -> Answer {
        let port = try port ?? serverPort(t)
        let body = #"{"url": "https://example.com/from/\#(address)"}"#
        let request =
            "POST /links HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        let text = try exchange(Array(request.utf8), port: port, from: address)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw CheckFailure(
                Words(
                    "POST /links from \(address) got no HTTP answer: \"\(String(text.prefix(200)))\"",
                    id:
                        "POST /links dari \(address) tidak mendapat jawaban HTTP: \"\(String(text.prefix(200)))\""
                ))
        }
        let retryAfter = lines.dropFirst().first { $0.lowercased().hasPrefix("retry-after:") }.map {
            $0.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, retryAfter: retryAfter)
    }

    /// With RATE_LIMIT_BURST=2 and RATE_LIMIT_MAX_CLIENTS=`maxClients`: two clients empty their
    /// buckets, `maxClients + 5` others arrive, one of the two is seen again midway. The one seen
    /// again must still be limited (the least recently seen are forgotten, not all or the first
    /// added), the other must have a new bucket (the clients remembered are bounded).
    static func expectLeastRecentlySeenForgotten(_ t: TestContext, maxClients: Int) throws {
        let forgotten = "127.0.0.2"
        let remembered = "127.0.0.3"
        for client in [forgotten, remembered] {
            for _ in 1...2 { _ = try OtherClients.createLink(t, from: client) }
            let refused = try OtherClients.createLink(t, from: client)
            try require(
                refused.status == 429,
                Words(
                    "the 3rd link from \(client) with RATE_LIMIT_BURST=2 got \(refused.status), expected 429",
                    id:
                        "link ke-3 dari \(client) dengan RATE_LIMIT_BURST=2 mendapat \(refused.status), seharusnya 429"
                ))
        }
        let others = maxClients + 5
        for index in 0..<others {
            if index == 10 {
                // Seen again: now it is one of the most recent clients.
                _ = try OtherClients.createLink(t, from: remembered)
            }
            _ = try OtherClients.createLink(t, from: OtherClients.address(index))
        }
        let stillLimited = try OtherClients.createLink(t, from: remembered)
        try require(
            stillLimited.status == 429,
            Words(
                "\(remembered) was seen after most of the \(others) other clients, but its empty bucket was forgotten (it got \(stillLimited.status), expected 429): forget the client seen least recently, not the first one added or all of them",
                id:
                    "\(remembered) terlihat lagi setelah sebagian besar dari \(others) client lain, tapi ember kosongnya dilupakan (ia mendapat \(stillLimited.status), seharusnya 429): lupakan client yang paling lama tidak terlihat, bukan yang pertama ditambahkan atau semuanya"
            ))
        let again = try OtherClients.createLink(t, from: forgotten)
        try require(
            again.status == 201,
            Words(
                "after \(others) other clients with RATE_LIMIT_MAX_CLIENTS=\(maxClients), \(forgotten) (seen least recently) still had its bucket (it got \(again.status), expected 201 from a new one): the buckets the limiter keeps have no bound, so many addresses make them grow without end",
                id:
                    "setelah \(others) client lain dengan RATE_LIMIT_MAX_CLIENTS=\(maxClients), \(forgotten) (yang paling lama tidak terlihat) masih punya embernya (ia mendapat \(again.status), seharusnya 201 dari ember baru): ember yang disimpan limiter tidak punya batas, jadi banyak alamat membuatnya bertambah tanpa akhir"
            ))
    }

    /// The port of the running server, from its `Listening on http://127.0.0.1:PORT` line.
    private static func serverPort(_ t: TestContext) throws -> Int {
        _ = try t.http.get("/health")  // starts it when it is not running
        let marker = "Listening on http://127.0.0.1:"
        guard let line = t.serverOutput.components(separatedBy: "\n").last(where: { $0.contains(marker) }),
            let range = line.range(of: marker),
            let port = Int(line[range.upperBound...].prefix { $0.isNumber })
        else {
            throw CheckFailure(
                Words(
                    "the server's output has no \"\(marker)PORT\" line, so the grader cannot connect from another address",
                    id:
                        "output server tidak punya baris \"\(marker)PORT\", jadi grader tidak bisa terhubung dari alamat lain"
                ))
        }
        return port
    }

    /// Sends `bytes` from `source` to 127.0.0.1:`port` and reads until the server closes (at most 5 s).
    private static func exchange(_ bytes: [UInt8], port: Int, from source: String) throws -> String {
        #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw transportFailure(source, "socket") }
        defer { close(fd) }
        var local = address(source, port: 0)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            throw CheckFailure.precondition(
                Words(
                    "a second loopback address (\(source)) on this machine",
                    id: "alamat loopback kedua (\(source)) di mesin ini"),
                Words(
                    "this machine cannot send from \(source), so the grader cannot play a second client",
                    id:
                        "mesin ini tidak bisa mengirim dari \(source), jadi grader tidak bisa berperan sebagai client kedua"
                ))
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var remote = address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw transportFailure(source, "connect") }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw transportFailure(source, "send") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while received.count < 1 << 20 {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func address(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, text, &address.sin_addr)
        return address
    }

    private static func transportFailure(_ source: String, _ step: String) -> CheckFailure {
        CheckFailure(
            Words(
                "a request from \(source) failed at \(step): \(String(cString: strerror(errno)))",
                id: "request dari \(source) gagal saat \(step): \(String(cString: strerror(errno)))"))
    }
}

/// What the rate-limit checks of steps 6 and 10 ask of `POST /links`.
enum RateLimited {
    /// Creates links until one is refused (or `max` were created): how many were created, and the refusal.
    static func createUntilRefused(_ client: HTTPClient, max: Int) throws -> (
        created: Int, refusal: ClientResponse?
    ) {
        for created in 0..<max {
            let response = try client.post("/links", json: ["url": "https://example.com/limited"])
            guard response.status == 201 else {
                try response.expectStatus(
                    429,
                    hint: Words(
                        "An empty bucket answers 429 Too Many Requests at once.",
                        id: "Ember yang kosong menjawab 429 Too Many Requests saat itu juga."))
                return (created, response)
            }
        }
        return (max, nil)
    }

    /// The `Retry-After` of a 429, read as whole seconds (at least 1), or the check fails naming it.
    @discardableResult
    static func retryAfter(_ response: ClientResponse) throws -> Int {
        let header = try requireValue(
            response.headers["Retry-After"],
            Words(
                "the 429 has no Retry-After header: a client cannot tell when a token is back",
                id: "429-nya tidak punya header Retry-After: client tidak tahu kapan token-nya kembali"),
            response: response)
        let seconds = try requireValue(
            Int(header.trimmingCharacters(in: .whitespaces)),
            Words(
                "Retry-After is \"\(header)\": it must be a whole number of seconds, rounded up (RFC 9110 §10.2.3)",
                id:
                    "Retry-After berisi \"\(header)\": seharusnya bilangan bulat detik, dibulatkan ke atas (RFC 9110 §10.2.3)"
            ),
            response: response)
        try require(
            seconds >= 1,
            Words(
                "Retry-After is \(seconds), which tells the client to come back now, while the bucket is still empty: round the wait up",
                id:
                    "Retry-After berisi \(seconds), yang menyuruh client kembali sekarang, padahal embernya masih kosong: bulatkan waktu tunggunya ke atas"
            ),
            response: response)
        return seconds
    }
}
