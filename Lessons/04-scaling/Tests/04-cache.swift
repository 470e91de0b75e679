import Foundation
import GraderKit

private let hit = Words(
    "the second redirect of a code reads nothing from the links table: the link comes from the cache",
    id: "redirect kedua untuk sebuah code tidak membaca apa pun dari tabel links: link-nya datang dari cache")
private let updated = Words(
    "after PUT /links/:code the next redirect goes to the new address at once",
    id: "setelah PUT /links/:code, redirect berikutnya langsung menuju alamat yang baru")
private let deleted = Words(
    "after DELETE /links/:code the next redirect answers 404 at once",
    id: "setelah DELETE /links/:code, redirect berikutnya langsung menjawab 404")
private let created = Words(
    "a code that answered 404 redirects as soon as a link with that code is created",
    id: "code yang tadi menjawab 404 langsung bisa redirect begitu link dengan code itu dibuat")
private let expires = Words(
    "a cached link is kept for CACHE_TTL_SECONDS after it was read, then read from the database again",
    id:
        "link di cache disimpan selama CACHE_TTL_SECONDS setelah dibaca, lalu dibaca lagi dari database"
)
private let bounded = Words(
    "with CACHE_CAPACITY=100 the cache keeps at most 100 links and drops the least recently used first",
    id:
        "dengan CACHE_CAPACITY=100 cache menyimpan paling banyak 100 link dan membuang yang paling lama tidak dipakai lebih dulu"
)

/// The capacity the LRU check starts the server with, and how many more codes it reads.
private let capacity = 100
private let overflow = 50
private let timeToLive = 30

let cache = ExerciseTests("scale04-cache") {
    Check(
        hit,
        hint: Words(
            "On a miss, remember the link the store found; on the next find(code:now:) of that code, return it from memory without calling the store.",
            id:
                "Saat miss, ingat link yang ditemukan store; pada find(code:now:) berikutnya untuk code itu, kembalikan dari memori tanpa memanggil store."
        )
    ) { t in
        try Shortlinks.start(t)
        try t.enableStatementLog()
        let code = try Shortlinks.create(t, url: "https://example.com/hot")
        try Shortlinks.expectRedirect(t, code, to: "https://example.com/hot")
        let second = try Shortlinks.expectRedirect(t, code, to: "https://example.com/hot")
        let reads = try Shortlinks.linkReads(t, for: second)
        try require(
            reads.isEmpty,
            Words(
                "the second redirect of \(code) read the links table again (\(Shortlinks.listed(reads))): keep the link in the cache after the first lookup",
                id:
                    "redirect kedua untuk \(code) membaca tabel links lagi (\(Shortlinks.listed(reads))): simpan link-nya di cache setelah lookup pertama"
            ),
            response: second)
    }

    Check(
        updated,
        hint: Words(
            "PUT and DELETE call cache.invalidate(code:): remove that code's entry there, so the next find reads the store.",
            id:
                "PUT dan DELETE memanggil cache.invalidate(code:): hapus entry code itu di sana, supaya find berikutnya membaca store."
        ),
        needs: hit.en
    ) { t in
        let code = try Shortlinks.create(t, url: "https://example.com/before")
        try Shortlinks.expectRedirect(t, code, to: "https://example.com/before")
        try t.http.put("/links/\(code)", json: ["url": "https://example.com/after"]).expectStatus(200)
        let response = try t.http.get("/\(code)").expectStatus(302)
        try require(
            response.headers["Location"] == "https://example.com/after",
            Words(
                "after PUT /links/\(code) the redirect still went to \(response.headers["Location"] ?? "nothing"): the cache kept the old link; invalidate(code:) must remove it",
                id:
                    "setelah PUT /links/\(code) redirect-nya masih menuju \(response.headers["Location"] ?? "tidak ada"): cache menyimpan link lama; invalidate(code:) harus menghapusnya"
            ),
            response: response)
    }

    Check(deleted, needs: hit.en) { t in
        let code = try Shortlinks.create(t, url: "https://example.com/gone")
        try Shortlinks.expectRedirect(t, code, to: "https://example.com/gone")
        try t.http.delete("/links/\(code)").expectStatus(204)
        try t.http.get("/\(code)").expectStatus(
            404,
            hint: Words(
                "The link was deleted but the cache still had it: invalidate(code:) must remove the entry.",
                id:
                    "Link-nya sudah dihapus tapi cache masih menyimpannya: invalidate(code:) harus menghapus entry-nya."
            ))
    }

    Check(
        created,
        hint: Words(
            "Remember only links the store found. A cached \"not found\" keeps answering 404 for a code someone has just created.",
            id:
                "Ingat hanya link yang ditemukan store. \"Tidak ditemukan\" yang di-cache akan terus menjawab 404 untuk code yang baru saja dibuat orang."
        ),
        needs: hit.en
    ) { t in
        try t.http.get("/soon-here").expectStatus(404)
        try Shortlinks.create(t, url: "https://example.com/soon", code: "soon-here")
        try t.http.get("/soon-here").expectStatus(
            302,
            hint: Words(
                "The first redirect answered 404 and the cache remembered that: do not cache a code the store did not find.",
                id:
                    "Redirect pertama menjawab 404 dan cache mengingatnya: jangan cache code yang tidak ditemukan store."
            ))
    }

    Check(
        expires,
        hint: Words(
            "Store expires = now.addingTimeInterval(timeToLive) when you read the store, with now from find(code:now:) (request.now, never Date()); a hit does not move it, and an entry with now ≥ expires is a miss.",
            id:
                "Simpan expires = now.addingTimeInterval(timeToLive) saat membaca store, dengan now dari find(code:now:) (request.now, jangan pernah Date()); hit tidak menggesernya, dan entry dengan now ≥ expires adalah miss."
        ),
        needs: hit.en
    ) { t in
        try Shortlinks.start(t, environment: ["CACHE_TTL_SECONDS": String(timeToLive)])
        let code = try Shortlinks.create(t, url: "https://example.com/fresh")
        try Shortlinks.expectRedirect(t, code, to: "https://example.com/fresh")
        try t.advanceClock(by: .seconds(20))
        let fresh = try Shortlinks.expectRedirect(t, code, to: "https://example.com/fresh")
        try require(
            try Shortlinks.linkReads(t, for: fresh).isEmpty,
            Words(
                "20 s after the first redirect (CACHE_TTL_SECONDS=\(timeToLive)) the redirect read the links table again: the entry should still be fresh",
                id:
                    "20 detik setelah redirect pertama (CACHE_TTL_SECONDS=\(timeToLive)) redirect-nya membaca tabel links lagi: entry-nya seharusnya masih segar"
            ),
            response: fresh)
        try t.advanceClock(by: .seconds(15))
        let stale = try Shortlinks.expectRedirect(t, code, to: "https://example.com/fresh")
        try require(
            try Shortlinks.linkReads(t, for: stale).count == 1,
            Words(
                "35 s after the link was read (CACHE_TTL_SECONDS=\(timeToLive)) the redirect still came from the cache: an entry expires \(timeToLive) s after it was read from the database, even when it is used meanwhile",
                id:
                    "35 detik setelah link dibaca (CACHE_TTL_SECONDS=\(timeToLive)) redirect-nya masih datang dari cache: entry kedaluwarsa \(timeToLive) detik setelah dibaca dari database, walaupun dipakai di antaranya"
            ),
            response: stale)
    }

    Check(
        bounded,
        hint: Words(
            "After adding an entry, while there are more than capacity, remove the one used longest ago; a hit counts as a use.",
            id:
                "Setelah menambah entry, selama jumlahnya lebih dari capacity, hapus entry yang paling lama tidak dipakai; hit juga dihitung sebagai pemakaian."
        ),
        needs: hit.en,
        timeout: .seconds(30)
    ) { t in
        let codes = try Shortlinks.seed(t, links: capacity + overflow)
        try Shortlinks.start(t, environment: ["CACHE_CAPACITY": String(capacity)])
        for index in 0..<capacity { _ = try t.http.get("/\(codes[index])").expectStatus(302) }
        _ = try t.http.get("/\(codes[0])").expectStatus(302)  // the first code is now the most recent
        for index in capacity..<(capacity + overflow) {
            _ = try t.http.get("/\(codes[index])").expectStatus(302)
        }
        let recent = try t.http.get("/\(codes[0])").expectStatus(302)
        try require(
            try Shortlinks.linkReads(t, for: recent).isEmpty,
            Words(
                "\(codes[0]) was read again from the links table although it was used after the 99 codes read before it: with \(overflow) more codes the cache must drop the \(overflow) least recently used, not the oldest stored",
                id:
                    "\(codes[0]) dibaca lagi dari tabel links padahal ia dipakai setelah 99 code yang dibaca sebelumnya: dengan \(overflow) code tambahan cache harus membuang \(overflow) yang paling lama tidak dipakai, bukan yang paling dulu disimpan"
            ),
            response: recent)
        let old = try t.http.get("/\(codes[1])").expectStatus(302)
        try require(
            try Shortlinks.linkReads(t, for: old).count == 1,
            Words(
                "\(codes[1]) still came from the cache after \(capacity + overflow) different codes with CACHE_CAPACITY=\(capacity): the cache has no bound, so a scan of many codes fills the memory",
                id:
                    "\(codes[1]) masih datang dari cache setelah \(capacity + overflow) code berbeda dengan CACHE_CAPACITY=\(capacity): cache-nya tidak punya batas, jadi scan banyak code memenuhi memori"
            ),
            response: old)
    }
}
