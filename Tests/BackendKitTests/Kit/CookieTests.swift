import Foundation
import Testing

@testable import BackendKit

/// Reading `Cookie` and building `Set-Cookie` (RFC 6265bis), over a real socket.
@Suite(.timeLimit(.minutes(1)))
struct CookieTests {
    @Test func cookieHeaders_areParsed_firstValueWins_andRepeatedLinesCount() async throws {
        try await withTestServer { router in
            router.get("/c") { request in
                let cookies = request.cookies
                return .text(
                    "\(cookies["a"] ?? "-")|\(cookies.values(for: "a"))|\(cookies["b"] ?? "-")|\(cookies["q"] ?? "-")|\(cookies.count)"
                )
            }
        } _: { port in
            let client = try RawClient(port: port)
            try client.send(
                "GET /c HTTP/1.1\r\nHost: x\r\nCookie: a=1; junk; b=two=2\r\nCookie: a=3;  q=\"x y\"\r\n\r\n")
            #expect(try client.readResponse().body == "1|[\"1\", \"3\"]|two=2|\"x y\"|4")
        }
    }

    @Test func setCookie_writesEveryAttribute() throws {
        let cookie = SetCookie(
            name: "id", value: "abc", path: "/app", domain: "example.com", maxAge: 900,
            expires: Date(timeIntervalSince1970: 1_700_000_000), secure: true, httpOnly: true,
            sameSite: .strict)
        #expect(
            try cookie.headerValue()
                == "id=abc; Path=/app; Domain=example.com; Max-Age=900; Expires=Tue, 14 Nov 2023 22:13:20 GMT; Secure; HttpOnly; SameSite=Strict"
        )
        #expect(
            try SetCookie(name: "s", value: "v").headerValue()
                == "s=v; Path=/; Secure; HttpOnly; SameSite=Lax")
        #expect(
            try SetCookie.removal(named: "s").headerValue()
                == "s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax"
        )
    }

    @Test func prefixRules_andBadValues_areRefusedWithTheFix() throws {
        #expect(throws: CookieError.prefixNeedsSecure(name: "__Secure-id", prefix: "__Secure-")) {
            try SetCookie(name: "__Secure-id", value: "v", secure: false).headerValue()
        }
        #expect(throws: CookieError.prefixNeedsSecure(name: "__Host-id", prefix: "__Host-")) {
            try SetCookie(name: "__Host-id", value: "v", secure: false).headerValue()
        }
        #expect(throws: CookieError.hostPrefixNeedsRootPath(name: "__Host-id")) {
            try SetCookie(name: "__Host-id", value: "v", path: "/app").headerValue()
        }
        #expect(throws: CookieError.hostPrefixForbidsDomain(name: "__Host-id")) {
            try SetCookie(name: "__Host-id", value: "v", domain: "example.com").headerValue()
        }
        #expect(throws: CookieError.sameSiteNoneNeedsSecure(name: "x")) {
            try SetCookie(name: "x", value: "v", secure: false, sameSite: SameSite.none).headerValue()
        }
        #expect(throws: CookieError.invalidValue(name: "x")) {
            try SetCookie(name: "x", value: "a b").headerValue()
        }
        #expect(throws: CookieError.invalidValue(name: "x")) {
            try SetCookie(name: "x", value: "a;b").headerValue()
        }
        #expect(throws: CookieError.invalidName("a b")) {
            try SetCookie(name: "a b", value: "v").headerValue()
        }
        #expect(throws: CookieError.invalidAttribute(name: "x", attribute: "Path", value: "/;evil")) {
            try SetCookie(name: "x", value: "v", path: "/;evil").headerValue()
        }
        let large = String(repeating: "v", count: 4096)
        #expect(throws: CookieError.tooLarge(name: "x", bytes: 4097)) {
            try SetCookie(name: "x", value: large).headerValue()
        }
        #expect(
            try SetCookie(name: "__Host-id", value: "\"quoted\"").headerValue().hasPrefix(
                "__Host-id=\"quoted\";"))
        #expect(
            CookieError.hostPrefixForbidsDomain(name: "__Host-id").description
                == "The cookie \"__Host-id\" starts with __Host-, so it must not have a Domain: remove domain (the cookie then belongs to this host only)."
        )
    }

    @Test func severalCookies_goOutAsSeveralSetCookieLines() async throws {
        try await withTestServer { router in
            router.get("/login") { _ in
                try Response.noContent().withCookie(SetCookie(name: "__Host-a", value: "1")).withCookie(
                    SetCookie(name: "b", value: "2", httpOnly: false))
            }
        } _: { port in
            let client = try RawClient(port: port)
            try client.send("GET /login HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(
                response.headers.values(for: "Set-Cookie") == [
                    "__Host-a=1; Path=/; Secure; HttpOnly; SameSite=Lax", "b=2; Path=/; Secure; SameSite=Lax",
                ])
        }
    }
}
