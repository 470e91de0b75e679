import BackendKit
import Foundation
import GraderKit

/// The ids the loan checks share: an author, twenty members, and the books they create.
private final class LoanFixture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: Int] = [:]
    private var storedMembers: [Int] = []
    subscript(key: String) -> Int {
        get { lock.withLock { stored[key] ?? -1 } }
        set { lock.withLock { stored[key] = newValue } }
    }
    var members: [Int] {
        get { lock.withLock { storedMembers } }
        set { lock.withLock { storedMembers = newValue } }
    }
}

private let fixture = LoanFixture()
private let nextISBN = Atomic(700)

/// A counter safe to use from several threads.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// Creates a book with `copies` copies by the fixture's author; returns its id.
private func createBook(_ t: TestContext, copies: Int, title: String = "Laskar Pelangi") throws -> Int {
    let book = try Bookshelf.create(
        t, relatedBook(nextISBN.next(), title: title, author: fixture["author"], copies: copies))
    return book["id"]?.int ?? -1
}

private func borrow(_ t: TestContext, book: Int, member: Int) throws -> ClientResponse {
    try t.http.post("/books/\(book)/loans", json: ["member_id": .number(Double(member))])
}

/// How many loans of `book` are not returned yet, in the database file.
private func away(_ t: TestContext, book: Int) throws -> Int {
    try Bookshelf.count(t, "loans", where: "book_id = ? AND returned_at IS NULL", book)
}

/// "201 ×1, 409 ×19": the statuses of a burst of responses, for messages.
private func tally(_ results: [Result<ClientResponse, any Error>]) -> Words {
    var counts: [String: Int] = [:]
    var unanswered = 0
    for result in results {
        switch result {
        case .success(let response): counts["\(response.status)", default: 0] += 1
        case .failure: unanswered += 1
        }
    }
    func line(_ noAnswer: String) -> String {
        var all = counts
        if unanswered > 0 { all[noAnswer] = unanswered }
        return all.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }
    return Words(line("no answer"), id: line("tanpa jawaban"))
}

private let raceHint = Words(
    "Reading \"how many copies are left?\" and then inserting the loan as two separate steps is a race: twenty requests can all read \"1 left\" before any of them inserts. Put the check and the insert in one database.transaction { tx in … } and use tx for both: BEGIN IMMEDIATE makes the other requests wait until yours has committed.",
    id:
        "Membaca \"berapa eksemplar yang tersisa?\" lalu memasukkan peminjamannya sebagai dua langkah terpisah adalah race condition: dua puluh request bisa sama-sama membaca \"sisa 1\" sebelum satu pun sempat memasukkan peminjamannya. Taruh pemeriksaan dan INSERT-nya di satu database.transaction { tx in … } dan pakai tx untuk keduanya: BEGIN IMMEDIATE membuat request lain menunggu sampai transaction-mu selesai di-commit."
)

/// Twenty members ask for `copies` copies of a fresh book at the same moment, `rounds` times; exactly
/// `copies` must succeed each time, the rest must be refused with 409, and each loan must have been
/// counted and inserted in one transaction.
///
/// Whether a race shows in a burst depends on how the threads are scheduled, so the burst does not
/// leave it to chance: the check holds the database's write lock while the requests start, so that
/// each can read how many copies are left and none can write yet. A count made outside the writing
/// transaction then reads "1 left" in every request, every time. A count made in a transaction of
/// its own waits for the lock like the insert, and may or may not be overtaken between the two; the
/// statement log shows the two transactions of each winner whatever the order was.
private func race(_ t: TestContext, copies: Int, rounds: Int) throws {
    try t.enableStatementLog()
    let members = fixture.members
    for round in 1...rounds {
        let book = try createBook(t, copies: copies, title: "Race \(copies)-\(round)")
        let results = try t.concurrently(members.count, holdingWriteLockFor: .milliseconds(300)) { index in
            try borrow(t, book: book, member: members[index])
        }
        let statuses = results.compactMap { try? $0.get().status }
        let created = statuses.filter { $0 == 201 }.count
        let refused = statuses.filter { $0 == 409 }.count
        let what = Words(
            "\(members.count) members asked at the same moment for a book with \(copies) cop\(copies == 1 ? "y" : "ies") (round \(round) of \(rounds))",
            id:
                "\(members.count) anggota meminta buku dengan \(copies) eksemplar pada saat yang sama (putaran \(round) dari \(rounds))"
        )
        if created != copies || refused != members.count - copies {
            let others = statuses.filter { $0 != 201 && $0 != 409 }
            let extra =
                others.isEmpty
                ? Words(verbatim: "")
                : Words(
                    " Some requests got neither 201 nor 409; a 500 often means \"database is locked\": read the log below.",
                    id:
                        " Sebagian request tidak mendapat 201 maupun 409; status 500 sering berarti \"database is locked\": baca log di bawah."
                )
            let got = tally(results)
            try fail(
                Words(
                    "\(what.en): expected exactly \(copies) answer\(copies == 1 ? "" : "s") 201 and \(members.count - copies) answers 409, got \(got.en).\(extra.en)",
                    id:
                        "\(what[.id]): seharusnya tepat \(copies) jawaban 201 dan \(members.count - copies) jawaban 409, tapi yang datang \(got[.id]).\(extra[.id])"
                ),
                hint: raceHint)
        }
        try requireEqual(
            try away(t, book: book), copies,
            Words(
                "the number of loans of that book in the loans table (\(what.en))",
                id: "jumlah peminjaman buku itu di tabel loans (\(what[.id]))"),
            hint: raceHint)
        for case .success(let response) in results where response.status == 201 {
            try t.expectOneTransaction(for: response, hint: raceHint)
        }
    }
}

private let boundHint = Words(
    "Pass every id as a ? parameter (tx.queryOne(sql, bookID)), even a number: SQL is written by the code, values travel beside it.",
    id:
        "Kirim setiap id sebagai parameter ? (tx.queryOne(sql, bookID)), walaupun berupa angka: SQL ditulis oleh kode, nilainya dikirim terpisah di sampingnya."
)

/// The check that sees the transactions in the statement log.
private let oneTransaction = Words(
    "borrowing and returning each run in one transaction, with every id bound as a ?",
    id:
        "meminjam dan mengembalikan masing-masing berjalan dalam satu transaction, dengan setiap id terikat sebagai ?"
)

/// The first loan; the checks after it work with its book and loan.
private let lends = Words(
    "POST /books/:id/loans lends a copy: 201 with the loan, stored in the loans table",
    id:
        "POST /books/:id/loans meminjamkan satu eksemplar: 201 dengan data peminjamannya, tersimpan di tabel loans"
)

let transactions = ExerciseTests("db07-transactions") {
    Check(Words("POST /members adds members (201)", id: "POST /members menambahkan anggota (201)")) { t in
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        fixture["author"] = try createAuthor(t, "Andrea Hirata")
        var members: [Int] = []
        for index in 1...20 {
            let member = try Bookshelf.create(
                t, ["name": .string("Member \(index)"), "email": .string("member\(index)@example.com")],
                at: "/members")
            members.append(member["id"]?.int ?? -1)
        }
        fixture.members = members
    }

    Check(
        lends,
        needs: "POST /members adds members (201)"
    ) { t in
        let book = try createBook(t, copies: 2)
        fixture["book"] = book
        // A member whose id is not the book's: a loan stored with the two swapped shows.
        let member = fixture.members[9]
        let response = try borrow(t, book: book, member: member).expectStatus(201)
        let loan = try response.json()
        try requireEqual(
            loan["book_id"]?.int, book,
            Words("the book_id of the new loan", id: "book_id dari peminjaman baru"),
            response: response)
        try requireEqual(
            loan["member_id"]?.int, member,
            Words("the member_id of the new loan", id: "member_id dari peminjaman baru"), response: response)
        try require(
            loan["returned_at"] == nil || loan["returned_at"] == .null,
            Words(
                "expected returned_at to be null for a new loan, got \(loan["returned_at"]?.description ?? "nothing")",
                id:
                    "seharusnya returned_at bernilai null untuk peminjaman baru, tapi isinya \(loan["returned_at"]?.description ?? "tidak ada")"
            ),
            response: response)
        fixture["loan"] = loan["id"]?.int ?? -1
        try requireEqual(
            try away(t, book: book), 1,
            Words(
                "the number of loans of the book in the loans table",
                id: "jumlah peminjaman buku itu di tabel loans"))
    }

    Check(
        Words(
            "borrowing a book that does not exist answers 404, for a member who does not exist 422; nothing is stored",
            id:
                "meminjam buku yang tidak ada dijawab 404, untuk anggota yang tidak ada 422; tidak ada yang disimpan"
        ),
        hint: Words(
            "Throw HTTPError.notFound when the book is missing. A member who does not exist breaks the foreign key of loans.member_id; let that error out of the transaction, and the route answers 422.",
            id:
                "Lempar HTTPError.notFound kalau bukunya tidak ada. Anggota yang tidak ada melanggar foreign key loans.member_id; biarkan error itu keluar dari transaction, maka route-nya menjawab 422."
        ),
        needs: lends.en
    ) { t in
        let before = try Bookshelf.count(t, "loans")
        try borrow(t, book: 987654, member: fixture.members[0]).expectProblem(status: 404)
        try borrow(t, book: fixture["book"], member: 987654).expectProblem(status: 422)
        try requireEqual(
            try Bookshelf.count(t, "loans"), before,
            Words(
                "the number of loans after the refused requests",
                id: "jumlah peminjaman setelah request yang ditolak"))
    }

    Check(
        Words(
            "when every copy is on loan, borrowing answers 409 Conflict",
            id: "kalau semua eksemplar sedang dipinjam, peminjaman dijawab 409 Conflict"),
        needs: lends.en
    ) { t in
        try borrow(t, book: fixture["book"], member: fixture.members[1]).expectStatus(201)
        try borrow(t, book: fixture["book"], member: fixture.members[2]).expectProblem(
            status: 409,
            hint: Words(
                "A book has copies minus (its loans with returned_at IS NULL) copies left. When none is left, throw HTTPError.conflict.",
                id:
                    "Eksemplar yang tersisa dari sebuah buku adalah copies dikurangi (peminjamannya yang returned_at IS NULL). Kalau tidak ada yang tersisa, lempar HTTPError.conflict."
            ))
        try requireEqual(
            try away(t, book: fixture["book"]), 2,
            Words(
                "the number of loans of a book with 2 copies",
                id: "jumlah peminjaman sebuah buku dengan 2 eksemplar"))
    }

    Check(
        Words(
            "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404",
            id:
                "POST /loans/:id/return mengisi returned_at; pengembalian kedua dijawab 409, peminjaman yang tidak dikenal 404"
        ),
        hint: Words(
            "In one transaction: read the loan (404 when there is none), throw HTTPError.conflict when returned_at is not NULL, then UPDATE loans SET returned_at = \\(Schema.now) WHERE id = ? and return the loan.",
            id:
                "Dalam satu transaction: baca peminjamannya (404 kalau tidak ada), lempar HTTPError.conflict kalau returned_at tidak NULL, lalu UPDATE loans SET returned_at = \\(Schema.now) WHERE id = ? dan kembalikan peminjamannya."
        ),
        needs: lends.en
    ) { t in
        let response = try t.http.post("/loans/\(fixture["loan"])/return", json: [:]).expectStatus(200)
        let loan = try response.json()
        try require(
            loan["returned_at"]?.string?.isEmpty == false,
            Words(
                "expected the returned loan to have a returned_at time, got \(loan["returned_at"]?.description ?? "nothing")",
                id:
                    "seharusnya peminjaman yang sudah dikembalikan punya waktu returned_at, tapi isinya \(loan["returned_at"]?.description ?? "tidak ada")"
            ),
            response: response)
        try requireEqual(
            try Bookshelf.count(t, "loans", where: "id = ? AND returned_at IS NOT NULL", fixture["loan"]), 1,
            Words(
                "the number of rows for this loan with a returned_at in the loans table",
                id: "jumlah baris untuk peminjaman ini yang punya returned_at di tabel loans"))
        try t.http.post("/loans/\(fixture["loan"])/return", json: [:]).expectProblem(status: 409)
        try t.http.post("/loans/987654/return", json: [:]).expectProblem(status: 404)
    }

    Check(
        Words(
            "a returned copy can be borrowed again",
            id: "eksemplar yang sudah dikembalikan bisa dipinjam lagi"),
        needs: "when every copy is on loan, borrowing answers 409 Conflict",
        "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404"
    ) { t in
        try borrow(t, book: fixture["book"], member: fixture.members[3]).expectStatus(
            201,
            hint: Words(
                "Count only the loans that are not returned yet: returned_at IS NULL.",
                id: "Hitung hanya peminjaman yang belum dikembalikan: returned_at IS NULL."))
        try borrow(t, book: fixture["book"], member: fixture.members[4]).expectProblem(status: 409)
    }

    Check(
        oneTransaction, hint: raceHint,
        needs: lends.en,
        "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404"
    ) { t in
        // The statement log shows the transaction every statement ran in, so this check does not
        // depend on how the threads happen to be scheduled, as a race does.
        try t.enableStatementLog()
        let book = try createBook(t, copies: 1, title: "One Transaction")
        let member = fixture.members[5]
        let borrowed = try borrow(t, book: book, member: member).expectStatus(201)
        try t.expectOneTransaction(for: borrowed, hint: raceHint)
        try Bookshelf.requireBoundValues(
            t, borrowed, Bookshelf.pasted(book) + Bookshelf.pasted(member), hint: boundHint)
        let loan = try borrowed.json()["id"]?.int ?? -1
        let returned = try t.http.post("/loans/\(loan)/return", json: [:]).expectStatus(200)
        try t.expectOneTransaction(
            for: returned,
            hint: Words(
                "Returning reads the loan and then changes it: do both in one database.transaction { tx in … }, so two returns at the same moment cannot both pass the returned_at check.",
                id:
                    "Pengembalian membaca peminjamannya lalu mengubahnya: lakukan keduanya di satu database.transaction { tx in … }, supaya dua pengembalian pada saat yang sama tidak bisa sama-sama lolos pemeriksaan returned_at."
            ))
        try Bookshelf.requireBoundValues(t, returned, Bookshelf.pasted(loan), hint: boundHint)
        let fetched = try t.http.get("/loans/\(loan)").expectStatus(200)
        try Bookshelf.requireBoundValues(t, fetched, Bookshelf.pasted(loan), hint: boundHint)
    }

    Check(
        Words(
            "20 members borrowing the last copy at the same moment: exactly one gets it (5 rounds, with 30,000 old loans in the table)",
            id:
                "20 anggota meminjam eksemplar terakhir pada saat yang sama: tepat satu yang mendapatkannya (5 putaran, dengan 30.000 peminjaman lama di tabel)"
        ),
        hint: raceHint, needs: "when every copy is on loan, borrowing answers 409 Conflict",
        timeout: .seconds(60)
    ) { t in
        // A busy library has many returned loans. Counting the loans of a book then takes a moment,
        // which is exactly the moment in which a race happens.
        let oldBook = try createBook(t, copies: 1, title: "Much Loved")
        let member = fixture.members[0]
        try t.prepareDatabase { db in
            try db.execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
                INSERT INTO loans (book_id, member_id, borrowed_at, returned_at)
                SELECT ?, ?, '2020-01-01T00:00:00.000Z', '2020-01-15T00:00:00.000Z' FROM n
                """,
                oldBook, member)
        }
        try race(t, copies: 1, rounds: 5)
    }

    Check(
        Words(
            "20 members borrowing a book with 3 copies at the same moment: exactly three get one (3 rounds)",
            id:
                "20 anggota meminjam buku dengan 3 eksemplar pada saat yang sama: tepat tiga yang masing-masing mendapat satu (3 putaran)"
        ),
        hint: raceHint,
        needs:
            "20 members borrowing the last copy at the same moment: exactly one gets it (5 rounds, with 30,000 old loans in the table)",
        timeout: .seconds(60)
    ) { t in
        try race(t, copies: 3, rounds: 3)
    }
}
