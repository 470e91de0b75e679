import BackendKit
import Foundation
import GraderKit

/// Totals to split: round ones, and the odd ones a price list with tax makes.
private let totals =
    [10_000, 20_000, 55_000, 1, 7, 99_999, 100_001, 123_457, 2_500_003] + (1...41).map { 10_000 + $0 * 37 }

/// Orders with these totals, ids from `firstID` on; returns their ids, in order.
private func seed(_ t: TestContext, _ totals: [Int], firstID: Int) throws -> [Int] {
    let ids = totals.indices.map { firstID + $0 }
    try Warung.seed(
        t, zip(ids, totals).map { Warung.SeededOrder(id: $0, at: "2026-12-01T05:00:00Z", total: $1) })
    return ids
}

/// The shares `POST /orders/:id/split` answers for `people`.
private func shares(_ t: TestContext, order: Int, people: Int) throws -> ([Int], ClientResponse) {
    let response = try t.http.post("/orders/\(order)/split", json: ["people": .number(Double(people))])
        .expectStatus(200)
    let values = try requireValue(
        try response.json()["shares"]?.array?.map {
            try requireValue(
                $0.int, Words("a share in whole rupiah", id: "bagian dalam rupiah bulat"), response: response)
        },
        Words(
            "the shares, as {\"shares\": [3334, 3333, 3333]}",
            id: "bagian-bagiannya, seperti {\"shares\": [3334, 3333, 3333]}"),
        response: response)
    return (values, response)
}

private let splits = Words(
    "POST /orders/:id/split shares an even total equally, answers 404 for an order that does not exist and 422 for fewer than 1 or more than 20 people",
    id:
        "POST /orders/:id/split membagi total genap dengan sama rata, menjawab 404 untuk pesanan yang tidak ada dan 422 untuk kurang dari 1 atau lebih dari 20 orang"
)
private let addsUp = Words(
    "the shares add up to the order's total exactly, for 50 totals split between 2 and 12 people",
    id:
        "jumlah semua bagian sama persis dengan total pesanan, untuk 50 total yang dibagi antara 2 sampai 12 orang"
)

let money = ExerciseTests("debug06-money") {
    Check(
        splits,
        hint: Words(
            "Splitting must still work: fix how the shares are computed, not whether there are shares.",
            id:
                "Membagi tagihan harus tetap berfungsi: perbaiki cara bagian-bagiannya dihitung, bukan ada-tidaknya bagian."
        )
    ) { t in
        let ids = try seed(t, [60_000], firstID: 1)
        let (halves, response) = try shares(t, order: ids[0], people: 2)
        try requireEqual(
            halves, [30_000, 30_000],
            Words("the shares of 60000 between 2", id: "bagian dari 60000 untuk 2 orang"), response: response)
        _ = try t.http.post("/orders/9999/split", json: ["people": 2]).expectProblem(status: 404)
        for people in [0, 21] {
            _ = try t.http.post("/orders/\(ids[0])/split", json: ["people": .number(Double(people))])
                .expectProblem(status: 422)
        }
    }.asGuard()

    Check(
        addsUp,
        hint: Words(
            "Split 10000 between 3 by hand: what does each person pay, and what does the counter collect? A Double rounds every share the same way; whole rupiah and a remainder do not lose one.",
            id:
                "Bagi 10000 untuk 3 orang secara manual: berapa yang dibayar setiap orang, dan berapa yang diterima kasir? Double membulatkan setiap bagian dengan cara yang sama; rupiah bulat dan sisa baginya tidak kehilangan satu rupiah pun."
        ),
        needs: splits.en,
        timeout: .seconds(30)
    ) { t in
        let ids = try seed(t, totals, firstID: 100)
        for (id, total) in zip(ids, totals) {
            for people in 2...12 {
                let (values, response) = try shares(t, order: id, people: people)
                let sum = values.reduce(0, +)
                try require(
                    values.count == people && sum == total,
                    Words(
                        "order \(id) with a total of \(total) split between \(people) gives \(values) (\(values.count) shares adding up to \(sum)): the counter collects \(sum - total > 0 ? "\(sum - total) rupiah too much" : "\(total - sum) rupiah too little")",
                        id:
                            "pesanan \(id) dengan total \(total) dibagi untuk \(people) orang memberi \(values) (\(values.count) bagian yang jumlahnya \(sum)): kasir menerima \(sum - total > 0 ? "\(sum - total) rupiah terlalu banyak" : "\(total - sum) rupiah terlalu sedikit")"
                    ),
                    response: response)
            }
        }
    }

    Check(
        Words(
            "the shares differ by at most 1 rupiah, the larger ones first: 10000 between 3 is [3334, 3333, 3333]",
            id:
                "bagian-bagiannya berbeda paling banyak 1 rupiah, yang lebih besar lebih dulu: 10000 untuk 3 orang adalah [3334, 3333, 3333]"
        ),
        hint: Words(
            "Giving the whole remainder to one person (or computing the last share as what is left) adds up, but is unfair: 10 between 4 must be [3, 3, 2, 2], not [3, 3, 3, 1]. Everyone pays total / people, and the first total % people pay one rupiah more.",
            id:
                "Memberikan seluruh sisanya ke satu orang (atau menghitung bagian terakhir sebagai sisanya) memang pas jumlahnya, tapi tidak adil: 10 untuk 4 orang harus [3, 3, 2, 2], bukan [3, 3, 3, 1]. Setiap orang membayar total / people, dan total % people orang pertama membayar satu rupiah lebih."
        ),
        needs: addsUp.en,
        timeout: .seconds(30)
    ) { t in
        let ids = try seed(t, totals, firstID: 1000)
        for (id, total) in zip(ids, totals) {
            for people in 2...12 {
                let (values, response) = try shares(t, order: id, people: people)
                let fair = (values.max() ?? 0) - (values.min() ?? 0) <= 1 && values == values.sorted(by: >)
                try require(
                    fair,
                    Words(
                        "\(total) split between \(people) gives \(values): the shares must differ by at most 1 rupiah, the larger ones first",
                        id:
                            "\(total) dibagi untuk \(people) orang memberi \(values): bagian-bagiannya harus berbeda paling banyak 1 rupiah, yang lebih besar lebih dulu"
                    ),
                    response: response)
            }
        }
    }
}
