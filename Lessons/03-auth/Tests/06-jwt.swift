import BackendKit
import Foundation
import GraderKit

/// The check that shows a good token works; every attack check needs it, since a server that
/// refuses every token would pass them all.
private let acceptsValid = Words(
    "GET /api/me with a valid HS256 token answers 200 with that token's account (ASVS 9.1.1)",
    id: "GET /api/me dengan token HS256 yang valid dijawab 200 dengan akun pemilik token itu (ASVS 9.1.1)")

private let verifyHint = Words(
    "Return nil at the first thing that is wrong: three parts, the header's alg is exactly HS256, the HMAC-SHA256 of \"header.payload\" (the text as it arrived) equals the decoded signature (constantTimeEquals), then the claims.",
    id:
        "Kembalikan nil di hal pertama yang salah: tiga bagian, alg di header persis HS256, HMAC-SHA256 dari \"header.payload\" (teks apa adanya seperti yang datang) sama dengan signature yang sudah di-decode (constantTimeEquals), baru kemudian claim-nya."
)

let jwt = ExerciseTests("auth06-jwt") {
    Check(
        acceptsValid,
        hint: Words(
            "bearerToken(from:) returns the word after \"Bearer \"; verifyAccessToken returns an AccessToken whose subject is the sub claim (the account id as text).",
            id:
                "bearerToken(from:) mengembalikan kata setelah \"Bearer \"; verifyAccessToken mengembalikan AccessToken yang subject-nya claim sub (id akun sebagai teks)."
        )
    ) { t in
        try Accounts.start(t)
        _ = try JWTs.account(t, "ayu@example.com")
        let budi = try JWTs.account(t, "budi@example.com")
        let response = try JWTs.me(t, JWTs.token(t, account: budi)).expectStatus(200)
        try requireEqual(
            try response.json()["id"], .number(Double(budi)),
            Words("the id in the answer (the token's sub)", id: "id di jawaban (sub dari token-nya)"),
            response: response)
    }

    Check(
        Words(
            "without a Bearer token, GET /api/me answers 401 with WWW-Authenticate: Bearer (RFC 6750 §3)",
            id: "tanpa token Bearer, GET /api/me dijawab 401 dengan WWW-Authenticate: Bearer (RFC 6750 §3)"),
        hint: Words(
            "The header is the scheme, one space, then the token: \"Bearer eyJ…\". A header with another scheme (Basic, Token) or with no scheme at all has no bearer token: return nil.",
            id:
                "Header-nya berisi scheme, satu spasi, lalu token-nya: \"Bearer eyJ…\". Header dengan scheme lain (Basic, Token) atau tanpa scheme sama sekali tidak punya bearer token: kembalikan nil."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "citra@example.com")
        let token = JWTs.token(t, account: account)
        let none = try t.http.get("/api/me")
        try none.expectStatus(401).expectHeader("WWW-Authenticate")
        let cases: [(header: String, what: Words)] = [
            (token, Words("the token without the Bearer scheme", id: "token tanpa scheme Bearer")),
            ("Token \(token)", Words("the token with the scheme Token", id: "token dengan scheme Token")),
            ("Basic \(token)", Words("the token with the scheme Basic", id: "token dengan scheme Basic")),
            ("Bearer", Words("the word Bearer without a token", id: "kata Bearer tanpa token")),
        ]
        for (header, what) in cases {
            try JWTs.expectRefused(t.http.get("/api/me", headers: ["Authorization": header]), what)
        }
    }

    Check(
        Words(
            "the scheme name is case-insensitive: bearer <token> works like Bearer <token> (RFC 9110 §11.1)",
            id:
                "nama scheme tidak peka huruf besar-kecil: bearer <token> sama dengan Bearer <token> (RFC 9110 §11.1)"
        ),
        hint: Words(
            "Compare the scheme with lowercased() == \"bearer\", not with hasPrefix(\"Bearer \"): HTTP says an authentication scheme's name ignores case.",
            id:
                "Bandingkan scheme-nya dengan lowercased() == \"bearer\", bukan dengan hasPrefix(\"Bearer \"): HTTP menyatakan nama authentication scheme tidak peka huruf besar-kecil."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "dewi@example.com")
        for scheme in ["bearer", "BEARER"] {
            try JWTs.me(t, JWTs.token(t, account: account), scheme: scheme).expectStatus(200)
        }
    }

    Check(
        Words(
            "a token signed with another key is refused (ASVS 9.1.1)",
            id: "token yang ditandatangani dengan key lain ditolak (ASVS 9.1.1)"),
        hint: Words(
            "Decoding a JWT is not verifying it: anyone can write a payload. Compute HMACSHA256 over \"header.payload\" with the server's secret and compare it with the signature before you read a single claim.",
            id:
                "Men-decode JWT tidak sama dengan memverifikasinya: siapa pun bisa menulis payload. Hitung HMACSHA256 atas \"header.payload\" dengan secret server dan bandingkan dengan signature-nya sebelum kamu membaca satu claim pun."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "eko@example.com")
        let forged = JWTs.token(t, account: account, key: JWTs.attackerSecret)
        try JWTs.expectRefused(
            JWTs.me(t, forged),
            Words(
                "a token signed with the attacker's own key",
                id: "token yang ditandatangani dengan key milik penyerang"))
    }

    Check(
        Words(
            "a changed payload or header with the old signature is refused: the MAC covers the exact bytes (ASVS 9.1.1)",
            id:
                "payload atau header yang diubah dengan signature lama ditolak: MAC mencakup byte-nya persis (ASVS 9.1.1)"
        ),
        hint: Words(
            "Sign the first two parts exactly as they arrived (\"\\(parts[0]).\\(parts[1])\"). Decoding the JSON and encoding it again gives other bytes than the sender signed, and lets another spelling of the same token pass.",
            id:
                "Tanda tangani dua bagian pertama persis seperti yang datang (\"\\(parts[0]).\\(parts[1])\"). Men-decode JSON-nya lalu meng-encode ulang menghasilkan byte lain dari yang ditandatangani pengirimnya, dan meloloskan ejaan lain dari token yang sama."
        ),
        needs: acceptsValid.en
    ) { t in
        let victim = try JWTs.account(t, "fajar@example.com")
        let attacker = try JWTs.account(t, "gita@example.com")
        let token = JWTs.token(t, account: attacker)
        let parts = token.split(separator: ".").map(String.init)
        var claims = JWTs.claims(t, account: victim).object ?? [:]
        let original = try JSONValue(parsing: Base64URL.decodeData(parts[1]) ?? Data())
        for name in ["iat", "nbf", "exp", "jti"] { claims[name] = original[name] }
        let swapped = Base64URL.encode(JSONValue.object(claims).description)
        let spaced = Base64URL.encode(
            original.description.replacingOccurrences(of: ",", with: ", ").replacingOccurrences(
                of: "\":", with: "\": "))
        let cases: [(token: String, what: Words)] = [
            (
                "\(parts[0]).\(swapped).\(parts[2])",
                Words(
                    "a token whose sub was changed to another account, with the old signature",
                    id: "token yang sub-nya diganti ke akun lain, dengan signature lama")
            ),
            (
                "\(parts[0]).\(spaced).\(parts[2])",
                Words(
                    "the same claims written with other spacing, with the old signature",
                    id: "claim yang sama ditulis dengan spasi berbeda, dengan signature lama")
            ),
            (
                "\(Base64URL.encode(#"{"alg": "HS256", "typ": "JWT"}"#)).\(parts[1]).\(parts[2])",
                Words(
                    "a header written with other spacing, with the old signature",
                    id: "header yang ditulis dengan spasi berbeda, dengan signature lama")
            ),
            (
                "\(Base64URL.encode(#"{"alg":"HS256","kid":"2","typ":"JWT"}"#)).\(parts[1]).\(parts[2])",
                Words(
                    "a header with an added kid, with the old signature",
                    id: "header yang ditambah kid, dengan signature lama")
            ),
        ]
        for (forged, what) in cases { try JWTs.expectRefused(JWTs.me(t, forged), what) }
    }

    Check(
        Words(
            "a cut or lengthened signature is refused: the whole MAC is compared (ASVS 9.1.1)",
            id: "signature yang dipotong atau diperpanjang ditolak: seluruh MAC dibandingkan (ASVS 9.1.1)"),
        hint: Words(
            "Compare the whole decoded signature with the whole expected MAC using constantTimeEquals: it says false for different lengths. A loop over zip(a, b) stops at the shorter one, so an empty signature matches everything.",
            id:
                "Bandingkan seluruh signature yang sudah di-decode dengan seluruh MAC yang diharapkan memakai constantTimeEquals: hasilnya false untuk panjang yang berbeda. Loop atas zip(a, b) berhenti di yang lebih pendek, jadi signature kosong cocok dengan apa saja."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "hadi@example.com")
        let token = JWTs.token(t, account: account)
        let parts = token.split(separator: ".").map(String.init)
        let signature = Base64URL.decode(parts[2]) ?? []
        let cases: [(signature: String, what: Words)] = [
            ("", Words("a token with an empty signature", id: "token dengan signature kosong")),
            (
                Base64URL.encode(signature.prefix(16)),
                Words(
                    "a token with only the first 16 bytes of its signature",
                    id: "token dengan hanya 16 byte pertama signature-nya")
            ),
            (
                Base64URL.encode(signature + [0, 1, 2]),
                Words(
                    "a token whose signature has 3 bytes added",
                    id: "token yang signature-nya ditambah 3 byte")
            ),
        ]
        for (cut, what) in cases {
            try JWTs.expectRefused(JWTs.me(t, "\(parts[0]).\(parts[1]).\(cut)"), what)
        }
    }

    Check(
        Words(
            "a token with alg none is refused, with or without a signature (ASVS 9.1.2)",
            id: "token dengan alg none ditolak, dengan atau tanpa signature (ASVS 9.1.2)"),
        hint: Words(
            "\"none\" means \"not signed\": anyone can write such a token. The server decides the algorithm; accept HS256 only, and never skip the signature because the header asks.",
            id:
                "\"none\" artinya \"tidak ditandatangani\": siapa pun bisa menulis token seperti itu. Server yang memutuskan algoritmanya; terima HS256 saja, dan jangan pernah melewati pengecekan signature karena header memintanya."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "indah@example.com")
        let payload = Base64URL.encode(JWTs.claims(t, account: account).description)
        let junk = Base64URL.encode(SecureRandom.bytes(32))
        for alg in ["none", "None", "NONE"] {
            let header = Base64URL.encode(#"{"alg":"\#(alg)","typ":"JWT"}"#)
            for (token, shape) in [
                ("\(header).\(payload).", "header.payload."),
                ("\(header).\(payload).\(junk)", "header.payload.junk"),
            ] {
                try JWTs.expectRefused(
                    JWTs.me(t, token),
                    Words(
                        "an unsigned token with alg \(alg) (\(shape))",
                        id: "token tanpa tanda tangan dengan alg \(alg) (\(shape))"))
            }
        }
    }

    Check(
        Words(
            "the header's alg is compared, never obeyed: HS512, RS256, hs256 or no alg is refused (ASVS 9.1.2)",
            id:
                "alg di header dibandingkan, tidak pernah dituruti: HS512, RS256, hs256 atau tanpa alg ditolak (ASVS 9.1.2)"
        ),
        hint: Words(
            "Check header[\"alg\"]?.string == \"HS256\" exactly (algorithm names are case-sensitive). A server that verifies whatever the header names can be talked into another algorithm: the RS256/HS256 confusion of CVE-2015-9235.",
            id:
                "Periksa header[\"alg\"]?.string == \"HS256\" persis (nama algoritma peka huruf besar-kecil). Server yang memverifikasi dengan algoritma apa pun yang disebut header bisa dibujuk memakai algoritma lain: kebingungan RS256/HS256 di CVE-2015-9235."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "joko@example.com")
        let payload = JWTs.claims(t, account: account).description
        let headers: [(header: String, what: Words)] = [
            (
                #"{"alg":"HS512","typ":"JWT"}"#,
                Words("a token whose header says HS512", id: "token yang header-nya menyebut HS512")
            ),
            (
                #"{"alg":"RS256","typ":"JWT"}"#,
                Words("a token whose header says RS256", id: "token yang header-nya menyebut RS256")
            ),
            (
                #"{"alg":"hs256","typ":"JWT"}"#,
                Words(
                    "a token whose header says hs256 (lowercase)",
                    id: "token yang header-nya menyebut hs256 (huruf kecil)")
            ),
            (
                #"{"typ":"JWT"}"#,
                Words("a token whose header has no alg", id: "token yang header-nya tanpa alg")
            ),
        ]
        for (header, what) in headers {
            let token = JWTs.sign(header: header, payload: payload)
            try JWTs.expectRefused(
                JWTs.me(t, token),
                Words(
                    "\(what.en), signed with HMAC-SHA256 and the real secret",
                    id: "\(what[.id]), ditandatangani dengan HMAC-SHA256 dan secret yang asli"))
        }
    }

    Check(
        Words(
            "kid, jku and jwk in the header choose no key: only the server's secret verifies (ASVS 9.1.3)",
            id:
                "kid, jku, dan jwk di header tidak memilih key: hanya secret server yang memverifikasi (ASVS 9.1.3)"
        ),
        hint: Words(
            "The key comes from the server's configuration, never from the token. Ignore kid, and never fetch or use a key a header points to (jku, jwk).",
            id:
                "Key berasal dari konfigurasi server, tidak pernah dari token-nya. Abaikan kid, dan jangan pernah mengambil atau memakai key yang ditunjuk header (jku, jwk)."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "kartika@example.com")
        let keys = try t.fakeUpstream("keys")
        let attackerKey = Base64URL.encode(JWTs.attackerSecret)
        let jwk: JSONValue = ["kty": "oct", "k": .string(attackerKey), "alg": "HS256"]
        try keys.on(.get, "/jwks.json", [.json(["keys": .array([jwk])])])
        let withKid = JWTs.token(
            t, account: account, header: #"{"alg":"HS256","kid":"../../../../dev/null","typ":"JWT"}"#)
        try JWTs.me(t, withKid).expectStatus(
            200,
            hint: Words(
                "A kid the server does not use must change nothing: this token is signed with the real secret.",
                id:
                    "kid yang tidak dipakai server tidak boleh mengubah apa-apa: token ini ditandatangani dengan secret asli."
            ))
        let jku = JWTs.token(
            t, account: account, header: #"{"alg":"HS256","jku":"\#(keys.url)/jwks.json","typ":"JWT"}"#,
            key: JWTs.attackerSecret)
        try JWTs.expectRefused(
            JWTs.me(t, jku),
            Words(
                "a token signed with the attacker's key and a jku naming where to fetch that key",
                id:
                    "token yang ditandatangani dengan key penyerang dan jku yang menyebut tempat mengambil key itu"
            ))
        let embedded = JWTs.token(
            t, account: account, header: #"{"alg":"HS256","jwk":\#(jwk.description),"typ":"JWT"}"#,
            key: JWTs.attackerSecret)
        try JWTs.expectRefused(
            JWTs.me(t, embedded),
            Words(
                "a token signed with the attacker's key and carrying that key in its jwk header",
                id: "token yang ditandatangani dengan key penyerang dan membawa key itu di header jwk-nya"))
        try requireEqual(
            keys.requests(to: "/jwks.json").count, 0,
            Words(
                "the number of times your server fetched the key the token's jku named",
                id: "berapa kali server kamu mengambil key yang disebut jku di token"))
    }

    Check(
        Words(
            "an expired token is refused, with at most 60 seconds of leeway (ASVS 9.2.1)",
            id: "token yang sudah kedaluwarsa ditolak, dengan kelonggaran paling lama 60 detik (ASVS 9.2.1)"),
        hint: Words(
            "Refuse the token unless now.timeIntervalSince1970 < exp + AccessTokenRules.leeway. The leeway covers clocks a few seconds apart, not minutes.",
            id:
                "Tolak token-nya kecuali now.timeIntervalSince1970 < exp + AccessTokenRules.leeway. Kelonggaran itu untuk jam yang selisih beberapa detik, bukan beberapa menit."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "lestari@example.com")
        let cases: [(TimeInterval, Words)] = [
            (-90, Words("a token that expired 90 seconds ago", id: "token yang kedaluwarsa 90 detik lalu")),
            (-3600, Words("a token that expired an hour ago", id: "token yang kedaluwarsa satu jam lalu")),
        ]
        for (offset, what) in cases {
            let token = JWTs.token(
                t, account: account,
                changes: [
                    "exp": JWTs.time(t, offset), "iat": JWTs.time(t, offset - 300),
                    "nbf": JWTs.time(t, offset - 300),
                ])
            try JWTs.expectRefused(JWTs.me(t, token), what)
        }
    }

    Check(
        Words(
            "expiry follows the server's clock: once request.now passes exp, the same token is refused (ASVS 9.2.1)",
            id:
                "kedaluwarsa mengikuti jam server: begitu request.now melewati exp, token yang sama ditolak (ASVS 9.2.1)"
        ),
        hint: Words(
            "Compare exp with the `now` verifyAccessToken is given (request.now), never with Date(): the grader moves the server's clock 10 minutes ahead.",
            id:
                "Bandingkan exp dengan `now` yang diberikan ke verifyAccessToken (request.now), jangan dengan Date(): grader memajukan jam server 10 menit."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "made@example.com")
        let token = JWTs.token(t, account: account)
        try JWTs.me(t, token).expectStatus(200)
        try t.advanceClock(by: .minutes(10))
        try JWTs.expectRefused(
            JWTs.me(t, token),
            Words(
                "a 5-minute token 10 minutes after it was made",
                id: "token 5 menit, 10 menit setelah dibuat"))
    }

    Check(
        Words(
            "a token without exp, or with an exp that is not a number, is refused: every access token expires (ASVS 9.2.1)",
            id:
                "token tanpa exp, atau dengan exp yang bukan angka, ditolak: setiap access token harus kedaluwarsa (ASVS 9.2.1)"
        ),
        hint: Words(
            "`if let exp, exp < now` lets a token without exp live forever. Require exp: guard let expiry = claims[\"exp\"]?.double.",
            id:
                "`if let exp, exp < now` membuat token tanpa exp hidup selamanya. Wajibkan exp: guard let expiry = claims[\"exp\"]?.double."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "nadia@example.com")
        let cases: [(JSONValue?, Words)] = [
            (nil, Words("a token without exp", id: "token tanpa exp")),
            (
                .string("9999999999"),
                Words(
                    "a token whose exp is the text \"9999999999\"",
                    id: "token yang exp-nya teks \"9999999999\"")
            ),
        ]
        for (exp, what) in cases {
            try JWTs.expectRefused(JWTs.me(t, JWTs.token(t, account: account, changes: ["exp": exp])), what)
        }
    }

    Check(
        Words(
            "a token that is not valid yet (nbf or iat in the future) is refused (ASVS 9.2.1)",
            id: "token yang belum berlaku (nbf atau iat di masa depan) ditolak (ASVS 9.2.1)"),
        hint: Words(
            "nbf (not before) is when the token starts to count; iat (issued at) cannot be later than now. Refuse either when it is more than the leeway after now.",
            id:
                "nbf (not before) adalah saat token mulai berlaku; iat (issued at) tidak mungkin lebih lambat dari sekarang. Tolak keduanya kalau lebih dari kelonggarannya setelah sekarang."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "oka@example.com")
        let later = JWTs.time(t, 600)
        let cases: [([String: JSONValue?], Words)] = [
            (
                ["nbf": later, "exp": JWTs.time(t, 900)],
                Words("a token whose nbf is 10 minutes from now", id: "token yang nbf-nya 10 menit lagi")
            ),
            (
                ["nbf": nil, "iat": later, "exp": JWTs.time(t, 900)],
                Words(
                    "a token issued (iat) 10 minutes from now",
                    id: "token yang diterbitkan (iat) 10 menit lagi")
            ),
        ]
        for (changes, what) in cases {
            try JWTs.expectRefused(JWTs.me(t, JWTs.token(t, account: account, changes: changes)), what)
        }
    }

    Check(
        Words(
            "a token from another issuer, or without iss, is refused (ASVS 9.1.3)",
            id: "token dari issuer lain, atau tanpa iss, ditolak (ASVS 9.1.3)"),
        hint: Words(
            "Require claims[\"iss\"]?.string == AccessTokenRules.issuer: a token another service made with a shared secret is not ours.",
            id:
                "Wajibkan claims[\"iss\"]?.string == AccessTokenRules.issuer: token yang dibuat layanan lain dengan secret yang sama bukan milik kita."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "putu@example.com")
        let cases: [(JSONValue?, Words)] = [
            (
                .string("billing-service"),
                Words("a token with iss billing-service", id: "token dengan iss billing-service")
            ),
            (nil, Words("a token without iss", id: "token tanpa iss")),
        ]
        for (iss, what) in cases {
            try JWTs.expectRefused(JWTs.me(t, JWTs.token(t, account: account, changes: ["iss": iss])), what)
        }
    }

    Check(
        Words(
            "only tokens for team-tasks are accepted: aud is a string or an array that names it (ASVS 9.2.3)",
            id:
                "hanya token untuk team-tasks yang diterima: aud berupa string atau array yang menyebutnya (ASVS 9.2.3)"
        ),
        hint: Words(
            "aud may be one string or an array of strings (RFC 7519 §4.1.3). Accept the token only when ours, team-tasks, is that string or one of the array's strings.",
            id:
                "aud bisa berupa satu string atau array string (RFC 7519 §4.1.3). Terima token-nya hanya kalau milik kita, team-tasks, adalah string itu atau salah satu string di array-nya."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "rina@example.com")
        let refused: [(JSONValue?, Words)] = [
            (.string("billing"), Words("a token with aud billing", id: "token dengan aud billing")),
            (nil, Words("a token without aud", id: "token tanpa aud")),
            (
                ["billing", "reports"],
                Words("a token with aud [billing, reports]", id: "token dengan aud [billing, reports]")
            ),
        ]
        for (aud, what) in refused {
            try JWTs.expectRefused(JWTs.me(t, JWTs.token(t, account: account, changes: ["aud": aud])), what)
        }
        try JWTs.me(t, JWTs.token(t, account: account, changes: ["aud": ["billing", "team-tasks"]]))
            .expectStatus(
                200,
                hint: Words(
                    "This token's aud is [\"billing\", \"team-tasks\"]: an array that names team-tasks is for us too.",
                    id:
                        "aud token ini [\"billing\", \"team-tasks\"]: array yang menyebut team-tasks juga untuk kita."
                ))
    }

    Check(
        Words(
            "a token whose sub is no account is refused with 401, not 500",
            id: "token yang sub-nya bukan akun mana pun ditolak dengan 401, bukan 500"),
        needs: acceptsValid.en
    ) { t in
        let cases: [(JSONValue?, Words)] = [
            (
                .string("999999"),
                Words(
                    "a token for account 999999, which does not exist",
                    id: "token untuk akun 999999, yang tidak ada")
            ),
            (nil, Words("a token without sub", id: "token tanpa sub")),
        ]
        for (sub, what) in cases {
            try JWTs.expectRefused(JWTs.me(t, JWTs.token(t, account: 1, changes: ["sub": sub])), what)
        }
    }

    Check(
        Words(
            "broken tokens are answered 401, never 500: bad base64url, not JSON, too few or too many parts, a huge token",
            id:
                "token rusak dijawab 401, tidak pernah 500: base64url yang salah, bukan JSON, bagiannya kurang atau lebih, token raksasa"
        ),
        hint: Words(
            "Refuse a token over AccessTokenRules.maximumTokenBytes before any other work. Split with omittingEmptySubsequences: false and require exactly 3 parts; decode with Base64URL.decode and JSONValue(parsing:), and return nil when either fails (no !, no try!).",
            id:
                "Tolak token yang lebih dari AccessTokenRules.maximumTokenBytes sebelum pekerjaan lain. Pisahkan dengan omittingEmptySubsequences: false dan wajibkan tepat 3 bagian; decode dengan Base64URL.decode dan JSONValue(parsing:), lalu kembalikan nil kalau salah satunya gagal (tanpa !, tanpa try!)."
        ),
        needs: acceptsValid.en
    ) { t in
        let account = try JWTs.account(t, "sari@example.com")
        let token = JWTs.token(t, account: account)
        let parts = token.split(separator: ".").map(String.init)
        let payload = JWTs.claims(t, account: account).description
        let cases: [(String, Words)] = [
            (
                "\(token).\(parts[2])",
                Words(
                    "a valid token with a fourth part added", id: "token valid yang ditambah bagian keempat")
            ),
            ("\(token).", Words("a valid token with a dot added", id: "token valid yang ditambah titik")),
            ("\(parts[0]).\(parts[1])", Words("a token of two parts", id: "token dua bagian")),
            ("not-a-jwt", Words("a token of one part", id: "token satu bagian")),
            (
                "!!!.\(parts[1]).\(parts[2])",
                Words("a header that is not base64url", id: "header yang bukan base64url")
            ),
            (
                JWTs.sign(header: "not json", payload: payload),
                Words("a header that is not JSON", id: "header yang bukan JSON")
            ),
            (
                JWTs.sign(header: #"["HS256"]"#, payload: payload),
                Words("a header that is a JSON array", id: "header yang berupa array JSON")
            ),
            (
                JWTs.sign(payload: "not json"),
                Words(
                    "a correctly signed payload that is not JSON",
                    id: "payload bertanda tangan benar yang bukan JSON")
            ),
            (
                JWTs.sign(payload: "[1, 2, 3]"),
                Words(
                    "a correctly signed payload that is a JSON array",
                    id: "payload bertanda tangan benar yang berupa array JSON")
            ),
            (
                String(repeating: "A", count: 6000) + "." + String(repeating: "B", count: 6000) + "."
                    + parts[2],
                Words("a token of 12,000 characters", id: "token sepanjang 12.000 karakter")
            ),
            (
                JWTs.token(
                    t, account: account, changes: ["note": .string(String(repeating: "x", count: 9000))]),
                Words(
                    "a correctly signed token of more than 12,000 characters (over AccessTokenRules.maximumTokenBytes)",
                    id:
                        "token bertanda tangan benar sepanjang lebih dari 12.000 karakter (di atas AccessTokenRules.maximumTokenBytes)"
                )
            ),
        ]
        for (broken, what) in cases { try JWTs.expectRefused(JWTs.me(t, broken), what) }
    }

    Check(
        Words(
            "without JWT_SECRET, or with one shorter than 32 bytes, the server refuses to start, names JWT_SECRET and never prints it (ASVS 13.3.1)",
            id:
                "tanpa JWT_SECRET, atau dengan yang kurang dari 32 byte, server menolak start, menyebut JWT_SECRET, dan tidak pernah mencetak isinya (ASVS 13.3.1)"
        ),
        hint: Words(
            "In readJWTSecret: no JWT_SECRET (or an empty one) throws AuthConfigError.missing, fewer than 32 bytes throws .invalid. No default secret in the code: a default is a secret everyone who reads the code knows.",
            id:
                "Di readJWTSecret: tanpa JWT_SECRET (atau yang kosong) lempar AuthConfigError.missing, kurang dari 32 byte lempar .invalid. Jangan ada secret bawaan di kode: secret bawaan adalah secret yang diketahui semua orang yang membaca kodenya."
        )
    ) { t in
        try Accounts.start(t)
        try t.expectStartFailure(removing: ["JWT_SECRET"]).expectNonZeroExit().expectOutput(
            mentions: "JWT_SECRET")
        try t.expectStartFailure(environment: ["JWT_SECRET": ""]).expectNonZeroExit().expectOutput(
            mentions: "JWT_SECRET")
        let short = "short-secret-of-31-bytes-7f3a9c"
        try t.expectStartFailure(environment: ["JWT_SECRET": short]).expectNonZeroExit()
            .expectOutput(mentions: "JWT_SECRET")
            .expectOutput(omits: short, what: Words("the JWT secret", id: "secret JWT-nya"))
        let exact = "a-secret-of-exactly-32-bytes-ok!"
        try t.startServer(environment: [
            "PASSWORD_ITERATIONS": String(Accounts.fastIterations), "JWT_SECRET": exact,
        ])
        let account = try JWTs.account(t, "tono@example.com")
        try JWTs.me(t, JWTs.token(t, account: account, key: exact)).expectStatus(
            200,
            hint: Words(
                "A JWT_SECRET of exactly 32 bytes is long enough: the server starts and verifies with it.",
                id:
                    "JWT_SECRET yang tepat 32 byte sudah cukup panjang: server start dan memverifikasi dengannya."
            ))
    }
}
