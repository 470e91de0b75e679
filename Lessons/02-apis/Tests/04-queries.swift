import BackendKit
import Foundation
import GraderKit

/// The 25 tasks the query checks work on, created once through the API.
private enum Seed {
    struct Row: Sendable {
        var id: Int
        var title: String
        var status: String
        var assignee: String?
        var due: String?
        var dueKey: String { due ?? "9999-12-31" }
    }

    static let titles = [
        "Mangga", "Apel", "Durian", "Kelapa", "Bayam", "Jeruk", "Salak", "Nanas", "Pepaya", "Rambutan",
        "Cabai", "Duku", "Gula",
        "Garam", "Kopi", "Teh", "Susu", "Tahu", "Tempe", "Sambal", "Lontong", "Bakso", "Soto", "Rendang",
        "Sate",
    ]

    private static let rows = Locked<[Row]>([])

    /// The seeded tasks, oldest first; creates them on the first call.
    static func ensure(_ t: TestContext) throws -> [Row] {
        if let existing = rows.value, !existing.isEmpty { return existing }
        var created: [Row] = []
        for (index, title) in titles.enumerated() {
            let status = ["todo", "doing", "done"][index % 3]
            let assignee = ["dewi", "budi", "sari", nil][index % 4]
            let due = index % 5 == 0 ? nil : String(format: "2026-12-%02d", (index * 7) % 28 + 1)
            let task = try Tasks.create(t, Tasks.draft(title, status: status, assignee: assignee, due: due))
            created.append(
                Row(id: try Tasks.id(of: task), title: title, status: status, assignee: assignee, due: due))
        }
        rows.value = created
        return created
    }
}

/// One page of `GET /tasks`: its ids and its next link.
private struct Page {
    var ids: [Int]
    var next: String?
    var response: ClientResponse
}

/// One page of `GET /tasks`. When it cannot be read after an earlier check has failed, the check is
/// "not checked (needs GET /tasks to answer a page of tasks)" rather than one more ✗.
private func page(_ t: TestContext, _ target: String) throws -> Page {
    try given(
        Words("GET /tasks to answer a page of tasks", id: "GET /tasks untuk menjawab satu halaman tugas")
    ) {
        let response = try t.http.get(target).expectStatus(200)
        let body = try response.json()
        guard let items = body["items"]?.array else {
            let got = body.kind
            throw response.failure(
                Words(
                    "expected a JSON object with an \"items\" list, got \(got.en)",
                    id: "seharusnya objek JSON dengan list \"items\", tapi yang datang \(got[.id])"))
        }
        let ids = try items.map { try Tasks.id(of: $0, in: response) }
        let next: String?
        switch body["next"] {
        case .string(let link)?: next = link
        case .null?: next = nil
        default:
            throw response.failure(
                Words(
                    "expected a \"next\" member: the next page's address, or null on the last page",
                    id:
                        "seharusnya ada member \"next\": alamat halaman berikutnya, atau null di halaman terakhir"
                ),
                hint: Words(
                    "ListQuery.nextLink must return the link when there is a next page; TaskList sends null when it is nil.",
                    id:
                        "ListQuery.nextLink harus mengembalikan link-nya kalau ada halaman berikutnya; TaskList mengirim null kalau nilainya nil."
                )
            )
        }
        return Page(ids: ids, next: next, response: response)
    }
}

/// Follows next links from `target` to the end; returns every id in order. Every page but the last
/// must hold `pageSize` tasks, the limit the client asked for.
private func walk(_ t: TestContext, _ target: String, pageSize: Int, maxPages: Int = 30) throws -> [Int] {
    var ids: [Int] = []
    var current: String? = target
    var pages = 0
    while let link = current {
        pages += 1
        if pages > maxPages {
            try fail(
                Words(
                    "followed \(maxPages) next links from \(target) and the list did not end; the next link must move forward (use the cursor of the last task on the page)",
                    id:
                        "sudah mengikuti \(maxPages) link next dari \(target) dan daftarnya tidak selesai juga; link next harus bergerak maju (pakai cursor dari tugas terakhir di halaman itu)"
                )
            )
        }
        let result = try page(t, Tasks.target(ofLink: link))
        if result.ids.count > pageSize || (result.next != nil && result.ids.count != pageSize) {
            throw result.response.failure(
                Words(
                    "expected \(pageSize) tasks on page \(pages) of \(target) (the client's limit), got \(result.ids.count)",
                    id:
                        "seharusnya ada \(pageSize) tugas di halaman \(pages) dari \(target) (limit dari client), tapi yang datang \(result.ids.count)"
                ),
                hint: Words(
                    "The next link must carry limit= too: the client chose the page size once, and every page keeps it.",
                    id:
                        "Link next juga harus membawa limit=: client memilih ukuran halaman sekali saja, dan setiap halaman tetap memakainya."
                )
            )
        }
        ids += result.ids
        current = result.next
    }
    return ids
}

private func describe(_ ids: [Int], _ rows: [Seed.Row]) -> String {
    ids.map { id in rows.first { $0.id == id }.map { "\($0.title) (\(id))" } ?? "\(id)" }.joined(
        separator: ", ")
}

let queries = ExerciseTests("api04-queries") {
    Check(
        Words(
            "GET /tasks answers the first 20 tasks, oldest first, and a next link",
            id: "GET /tasks menjawab 20 tugas pertama, dari yang paling awal dibuat, beserta link next"),
        hint: Words(
            "Without a limit the page holds 20 tasks. nextLink must return \"/tasks?\" + QueryString.make(...) with the cursor's token when there is a next page.",
            id:
                "Tanpa limit, satu halaman berisi 20 tugas. nextLink harus mengembalikan \"/tasks?\" + QueryString.make(...) dengan token cursor-nya kalau ada halaman berikutnya."
        )
    ) { t in
        let rows = try Seed.ensure(t)
        let first = try page(t, "/tasks")
        try requireEqual(
            first.ids, Array(rows.prefix(20).map(\.id)),
            Words("the ids on the first page", id: "id di halaman pertama"),
            response: first.response
        )
        try require(
            first.next != nil,
            Words(
                "expected a next link (there are 25 tasks and a page holds 20), got null",
                id:
                    "seharusnya ada link next (ada 25 tugas dan satu halaman berisi 20), tapi yang datang null"
            ),
            response: first.response)
    }

    Check(
        Words(
            "?status=done lists only the tasks that are done",
            id: "?status=done hanya menampilkan tugas yang statusnya done")
    ) { t in
        let rows = try Seed.ensure(t)
        let result = try page(t, "/tasks?status=done&limit=50")
        try requireEqual(
            result.ids, rows.filter { $0.status == "done" }.map(\.id),
            Words("the ids of the done tasks", id: "id tugas yang statusnya done"),
            hint: Words(
                "Read parameters[\"status\"], turn it into a TaskStatus and put it into query.status.",
                id: "Baca parameters[\"status\"], ubah menjadi TaskStatus, lalu masukkan ke query.status."),
            response: result.response)
    }

    Check(
        Words(
            "?assignee=dewi&status=todo combines both filters",
            id: "?assignee=dewi&status=todo menggabungkan kedua filter"),
        needs: "?status=done lists only the tasks that are done"
    ) { t in
        let rows = try Seed.ensure(t)
        let dewi = try page(t, "/tasks?assignee=dewi&limit=50")
        try requireEqual(
            dewi.ids, rows.filter { $0.assignee == "dewi" }.map(\.id),
            Words("the ids of Dewi's tasks", id: "id tugas milik Dewi"),
            response: dewi.response)
        let both = try page(t, "/tasks?status=todo&assignee=dewi&limit=50")
        try requireEqual(
            both.ids, rows.filter { $0.assignee == "dewi" && $0.status == "todo" }.map(\.id),
            Words("the ids of Dewi's tasks to do", id: "id tugas Dewi yang statusnya todo"),
            response: both.response)
    }

    Check(
        Words(
            "a filter value that is not allowed answers 400, not an empty or a full list",
            id: "nilai filter yang tidak diizinkan dijawab 400, bukan daftar kosong atau daftar lengkap"),
        hint: Words(
            "An unknown status is a client mistake (a typo such as \"dnoe\"). Answering every task, or none, hides it. Throw HTTPError.badRequest naming the parameter and the allowed values.",
            id:
                "Status yang tidak dikenal adalah kesalahan client (salah ketik seperti \"dnoe\"). Menjawab dengan semua tugas, atau tidak satu pun, malah menyembunyikan kesalahan itu. Throw HTTPError.badRequest yang menyebut nama parameternya dan nilai-nilai yang diizinkan."
        )
    ) { t in
        _ = try Seed.ensure(t)
        for target in [
            "/tasks?status=later", "/tasks?status=DONE", "/tasks?status=", "/tasks?assignee=Dewi%20Lestari",
            "/tasks?assignee=",
        ] {
            let response = try t.http.get(target)
            try Tasks.expectNot500(
                response, sent: Words("the query of \(target)", id: "query string dari \(target)"))
            try response.expectProblem(status: 400)
        }
    }

    Check(
        Words(
            "?sort=title sorts A to Z, ?sort=-title Z to A, and ?sort=due puts tasks without a date last",
            id:
                "?sort=title mengurutkan A ke Z, ?sort=-title Z ke A, dan ?sort=due menaruh tugas tanpa tanggal di akhir"
        )
    ) { t in
        let rows = try Seed.ensure(t)
        let byTitle = rows.sorted { $0.title < $1.title }.map(\.id)
        let up = try page(t, "/tasks?sort=title&limit=50")
        try require(
            up.ids == byTitle,
            Words(
                "expected the tasks sorted by title A to Z: \(describe(byTitle, rows)); got \(describe(up.ids, rows))",
                id:
                    "seharusnya tugas urut berdasarkan judul dari A ke Z: \(describe(byTitle, rows)); tapi yang datang \(describe(up.ids, rows))"
            ),
            hint: Words(
                "TaskSort(parameter:) reads \"title\" and \"-title\"; put the result into query.sort.",
                id: "TaskSort(parameter:) membaca \"title\" dan \"-title\"; masukkan hasilnya ke query.sort."),
            response: up.response)
        let down = try page(t, "/tasks?sort=-title&limit=50")
        try require(
            down.ids == byTitle.reversed(),
            Words(
                "expected the tasks sorted by title Z to A, got \(describe(down.ids, rows))",
                id:
                    "seharusnya tugas urut berdasarkan judul dari Z ke A, tapi yang datang \(describe(down.ids, rows))"
            ),
            response: down.response)
        let byDue = rows.sorted { ($0.dueKey, $0.id) < ($1.dueKey, $1.id) }.map(\.id)
        let due = try page(t, "/tasks?sort=due&limit=50")
        try require(
            due.ids == byDue,
            Words(
                "expected the tasks sorted by due date, tasks without one last: \(describe(byDue, rows)); got \(describe(due.ids, rows))",
                id:
                    "seharusnya tugas urut berdasarkan tenggat, dengan tugas tanpa tenggat di akhir: \(describe(byDue, rows)); tapi yang datang \(describe(due.ids, rows))"
            ),
            response: due.response)
    }

    Check(
        Words(
            "sorting by a field that is not allowed answers 400",
            id: "mengurutkan dengan field yang tidak diizinkan dijawab 400"),
        hint: Words(
            "Only id, title and due may be sorted on. A sort value must never reach the SQL text: TaskSort(parameter:) returns nil for anything else, and then the answer is 400.",
            id:
                "Hanya id, title, dan due yang boleh dipakai untuk mengurutkan. Nilai sort tidak boleh sampai ke teks SQL: TaskSort(parameter:) mengembalikan nil untuk nilai lain, lalu jawabannya 400."
        ),
        needs: "?sort=title sorts A to Z, ?sort=-title Z to A, and ?sort=due puts tasks without a date last"
    ) { t in
        _ = try Seed.ensure(t)
        for value in ["assignee", "password", "title;DROP%20TABLE%20tasks", "", "--title", "Title"] {
            let response = try t.http.get("/tasks?sort=\(value)")
            try Tasks.expectNot500(response, sent: Words(verbatim: "?sort=\(value)"))
            try response.expectProblem(status: 400)
        }
        try t.http.get("/tasks").expectStatus(
            200, hint: Words("The tasks table must still be there.", id: "Tabel tasks harus masih ada."))
    }

    Check(
        Words(
            "?limit= sets the page size from 1 to 100; any other value answers 400",
            id: "?limit= mengatur ukuran halaman dari 1 sampai 100; nilai lain dijawab 400"),
        hint: Words(
            "Read it with try parameters.int(\"limit\") (400 when it is not a whole number), use 20 when it is nil, and refuse anything outside 1...100 with 400. Without a maximum, one request for a million rows can slow the server for everyone.",
            id:
                "Baca dengan try parameters.int(\"limit\") (400 kalau bukan bilangan bulat), pakai 20 kalau nilainya nil, dan tolak apa pun di luar 1...100 dengan 400. Tanpa batas maksimum, satu request untuk sejuta baris bisa membuat server lambat untuk semua orang."
        )
    ) { t in
        let rows = try Seed.ensure(t)
        let five = try page(t, "/tasks?limit=5")
        try requireEqual(
            five.ids, Array(rows.prefix(5).map(\.id)),
            Words("the ids with ?limit=5", id: "id dengan ?limit=5"),
            response: five.response)
        let hundred = try page(t, "/tasks?limit=100")
        try requireEqual(
            hundred.ids.count, rows.count,
            Words("the number of tasks with ?limit=100", id: "jumlah tugas dengan ?limit=100"),
            response: hundred.response)
        try require(
            hundred.next == nil,
            Words(
                "expected next to be null when every task fits on the page, got \(hundred.next ?? "")",
                id:
                    "seharusnya next bernilai null kalau semua tugas muat di satu halaman, tapi isinya \(hundred.next ?? "")"
            ),
            response: hundred.response)
        for value in ["0", "-1", "101", "1000000", "abc", "2.5", ""] {
            let response = try t.http.get("/tasks?limit=\(value)")
            try Tasks.expectNot500(response, sent: Words(verbatim: "?limit=\(value)"))
            try response.expectProblem(status: 400)
        }
    }

    Check(
        Words(
            "following the next links visits every task exactly once, in order, with the filters kept",
            id:
                "mengikuti link next mengunjungi setiap tugas tepat sekali, berurutan, dengan filter yang tetap terbawa"
        ),
        hint: Words(
            "The next link must repeat the client's status, assignee, sort and limit, and add cursor=<token>. The last page's next is null.",
            id:
                "Link next harus mengulang status, assignee, sort, dan limit dari client, lalu menambahkan cursor=<token>. next di halaman terakhir bernilai null."
        ),
        needs: "GET /tasks answers the first 20 tasks, oldest first, and a next link"
    ) { t in
        let rows = try Seed.ensure(t)
        let todo = rows.filter { $0.status == "todo" }.sorted { $0.title < $1.title }.map(\.id)
        let walked = try walk(t, "/tasks?status=todo&sort=title&limit=3", pageSize: 3)
        try require(
            walked == todo,
            Words(
                "expected the tasks to do, by title, across all pages: \(describe(todo, rows)); got \(describe(walked, rows))",
                id:
                    "seharusnya tugas yang statusnya todo, urut berdasarkan judul, di semua halaman: \(describe(todo, rows)); tapi yang datang \(describe(walked, rows))"
            )
        )
        let everything = try walk(t, "/tasks?sort=-due&limit=7", pageSize: 7)
        let byDue = rows.sorted { ($0.dueKey, $0.id) > ($1.dueKey, $1.id) }.map(\.id)
        try require(
            everything == byDue,
            Words(
                "expected every task by due date, latest first, across all pages: \(describe(byDue, rows)); got \(describe(everything, rows))",
                id:
                    "seharusnya semua tugas urut berdasarkan tenggat, yang paling akhir dulu, di semua halaman: \(describe(byDue, rows)); tapi yang datang \(describe(everything, rows))"
            )
        )
    }

    Check(
        Words(
            "a cursor that this server did not make answers 400",
            id: "cursor yang tidak dibuat oleh server ini dijawab 400"),
        hint: Words(
            "TaskCursor(token:) returns nil for a token it cannot read; answer 400 then, instead of starting again at the first page.",
            id:
                "TaskCursor(token:) mengembalikan nil untuk token yang tidak bisa dibacanya; dalam hal itu jawab 400, jangan mulai lagi dari halaman pertama."
        ),
        needs: "following the next links visits every task exactly once, in order, with the filters kept"
    ) { t in
        _ = try Seed.ensure(t)
        for value in ["abc", "eyJ", "%25%25%25", "eyJpZCI6MX0"] {
            let response = try t.http.get("/tasks?cursor=\(value)")
            try Tasks.expectNot500(response, sent: Words(verbatim: "?cursor=\(value)"))
            try response.expectProblem(status: 400)
        }
    }

    Check(
        Words(
            "a cursor made for another sort order answers 400",
            id: "cursor yang dibuat untuk urutan lain dijawab 400"),
        hint: Words(
            "A cursor holds the last task's value of the sort field, so it means nothing in another order: a title is not a due date. Refuse the token when cursor.sort is not the sort of this request.",
            id:
                "Cursor menyimpan nilai field sort dari tugas terakhir, jadi tidak ada artinya di urutan lain: judul bukan tenggat. Tolak token-nya kalau cursor.sort bukan sort dari request ini."
        ),
        needs: "a cursor that this server did not make answers 400"
    ) { t in
        _ = try Seed.ensure(t)
        let byTitle = try page(t, "/tasks?sort=title&limit=5")
        let next = try requireValue(
            byTitle.next,
            Words(
                "expected a next link after the first 5 of 25 tasks by title, got null",
                id:
                    "seharusnya ada link next setelah 5 pertama dari 25 tugas yang urut judul, tapi yang datang null"
            ))
        let token = try requireValue(
            URLComponents(string: Tasks.target(ofLink: next))?.queryItems?.first { $0.name == "cursor" }?
                .value,
            Words(
                "expected the next link \(next) to carry a cursor= parameter",
                id: "seharusnya link next \(next) membawa parameter cursor="))
        let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
        for target in ["/tasks?sort=due&limit=5&cursor=\(encoded)", "/tasks?limit=5&cursor=\(encoded)"] {
            let response = try t.http.get(target)
            try Tasks.expectNot500(
                response,
                sent: Words("a cursor made for ?sort=title", id: "cursor yang dibuat untuk ?sort=title"))
            try response.expectProblem(status: 400)
        }
    }

    Check(
        Words(
            "deleting a task between two pages does not make the next page skip a task (runs last)",
            id:
                "menghapus tugas di antara dua halaman tidak membuat halaman berikutnya melewatkan tugas (dijalankan terakhir)"
        ),
        hint: Words(
            "The next page must start after the last task shown (its cursor), not at \"row number 5\". TaskStore.list does this when you pass query.cursor from the token.",
            id:
                "Halaman berikutnya harus mulai setelah tugas terakhir yang ditampilkan (cursor-nya), bukan di \"baris nomor 5\". TaskStore.list melakukannya kalau kamu meneruskan query.cursor dari token-nya."
        ),
        needs: "following the next links visits every task exactly once, in order, with the filters kept"
    ) { t in
        let rows = try Seed.ensure(t)
        let first = try page(t, "/tasks?limit=5")
        let next = try requireValue(
            first.next,
            Words(
                "expected a next link after the first 5 of 25 tasks, got null",
                id: "seharusnya ada link next setelah 5 pertama dari 25 tugas, tapi yang datang null"))
        guard let lastShown = first.ids.last else {
            try fail(
                Words(
                    "expected 5 tasks on the first page, got none",
                    id: "seharusnya ada 5 tugas di halaman pertama, tapi tidak ada satu pun"))
        }
        try t.http.delete("/tasks/\(lastShown)").expectStatus(204)
        let second = try page(t, Tasks.target(ofLink: next))
        let expected = Array(rows.map(\.id).drop { $0 != lastShown }.dropFirst().prefix(5))
        try require(
            second.ids == expected,
            Words(
                "expected the second page to start with the 6th task after the 5th was deleted: \(describe(expected, rows)); got \(describe(second.ids, rows))",
                id:
                    "seharusnya halaman kedua mulai dari tugas ke-6 setelah tugas ke-5 dihapus: \(describe(expected, rows)); tapi yang datang \(describe(second.ids, rows))"
            ),
            response: second.response)
    }
}
