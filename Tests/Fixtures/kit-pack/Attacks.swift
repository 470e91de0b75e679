import BackendKit
import Foundation
import GraderKit

let attacks = ExerciseTests("kit07-attacks") {
    Check(
        Words(english: "a session cookie with a forged signature is refused"),
        hint: Words(english: "Verify the cookie's HMAC with constantTimeEquals.")
    ) { t in
        try start(t)
        let login = try t.http.post("/sessions", json: ["user": "gita"]).expectStatus(201)
        let token = try sessionCookie(login).dropFirst("__Host-session=".count).split(separator: ".")[0]
        try t.http.send(RawRequest(.get, "/me").cookie("__Host-session", "\(token).Zm9yZ2Vk")).expectStatus(
            401)
    }

    Check(Words(english: "an oversized cookie is refused with 431")) { t in
        try t.http.send(RawRequest(.get, "/me").oversizedCookie(bytes: 20_000)).expectStatus(431)
    }

    Check(
        Words(english: "a spoofed X-Forwarded-For does not escape the rate limit"),
        hint: Words(english: "Count by request.peer, not by a header the client writes.")
    ) { t in
        for index in 1...5 {
            try t.http.send(RawRequest(.get, "/limited").forwardedFor("203.0.113.\(index)")).expectStatus(200)
        }
        try t.http.send(RawRequest(.get, "/limited").forwardedFor("203.0.113.99")).expectStatus(429)
    }

    Check(Words(english: "the peer address and repeated headers reach the handler")) { t in
        let shown = try t.http.send(
            RawRequest(.get, "/whoami").forwardedFor("10.0.0.1").forwardedFor("10.0.0.2, 10.0.0.3")
        )
        .expectStatus(200).json()
        try requireEqual(shown["peer"]?.string, "127.0.0.1", Words(english: "the peer address"))
        try requireEqual(
            shown["forwarded"]?.array?.compactMap(\.string), ["10.0.0.1", "10.0.0.2", "10.0.0.3"],
            Words(english: "the forwarded list"))
    }

    Check(Words(english: "a webhook's signature is checked over the raw body bytes")) { t in
        let body = Data([0xff, 0x00, 0x7b, 0x22, 0xfe])  // not UTF-8: only the raw bytes verify
        let signature = Hex.encode(HMACSHA256.authenticationCode(for: body, key: Array(secret.utf8)))
        try t.http.send(RawRequest(.post, "/webhooks").header("X-Signature", signature).body(body))
            .expectStatus(204)
        try t.http.send(
            RawRequest(.post, "/webhooks").header("X-Signature", signature).body(body + Data([1]))
        ).expectStatus(401)
    }

    Check(Words(english: "a reset link ignores a Host header pointing elsewhere")) { t in
        let mail = try t.fakeMail()
        try start(t, ["MAIL_URL": mail.url, "PUBLIC_URL": "https://kit.example"])
        try t.http.send(
            RawRequest(.post, "/password-resets").host("evil.example").json(["email": "fajar@example.com"])
        )
        .expectStatus(202)
        let sent = try mail.waitForMessages(1)
        try require(
            !sent[0].text.contains("evil.example"),
            Words(english: "the reset link points at the attacker's host: \(sent[0].text)"))
    }

    Check(
        Words(english: "a coupon redeemed by 10 requests at the same instant is used once"),
        hint: Words(english: "Make the check and the update one statement or one transaction.")
    ) { t in
        let results = try t.http.sendSimultaneously(
            10, RawRequest(.post, "/coupons/redeem").json(["code": "WELCOME"]))
        let redeemed = results.filter { (try? $0.get().status) == 200 }.count
        try requireEqual(redeemed, 1, Words(english: "the number of successful redemptions"))
    }
}
