import BackendKit
import Foundation
import GraderKit

/// The migrations the checkout has at this step, by version: the grader knows their names and what
/// migration 4 adds, never their SQL (migrations 1 to 3 are the schema of earlier steps).
private let names = [
    1: "orders-and-payments", 2: "one-payment-one-order", 3: "shipments", 4: "one-ledger-row-per-event",
]

/// One row of `schema_migrations`, as text, to compare before and after.
private func recorded(_ t: TestContext) throws -> [String] {
    try t.database().query(
        "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
    )
    .map(\.description)
}

/// Everything the schema is made of (tables, indexes, their SQL), to compare before and after.
private func schema(_ t: TestContext) throws -> [String] {
    try t.database().query("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").map(\.description)
}

/// The whole database as the checks compare it: schema, bookkeeping and orders.
private func snapshot(_ t: TestContext) throws -> [String] {
    try schema(t) + recorded(t)
        + t.database().query("SELECT id, customer, amount, status, payment_id FROM orders ORDER BY id").map(
            \.description)
}

/// Whether `orders` has the column migration 4 adds.
private func hasRefundedAt(_ t: TestContext) throws -> Bool {
    try t.database().columns(of: "orders").contains { $0.name == "refunded_at" }
}

/// Undoes migration 4 on the learner's database (every migration applied): its index, its column
/// and its row, and the duplicate ledger rows a failure check added.
private func undoMigration4(_ db: Database) throws {
    try db.execute("DROP INDEX IF EXISTS ledger_one_per_event")
    if try db.columns(of: "orders").contains(where: { $0.name == "refunded_at" }) {
        try db.execute("ALTER TABLE orders DROP COLUMN refunded_at")
    }
    try db.execute("DELETE FROM schema_migrations WHERE version >= 4")
    try db.execute("DELETE FROM ledger WHERE event_id = 'evt_dup'")
}

/// Turns the learner's database back into one at version 3, as the last release left it.
/// `prepare` then changes it further before the server starts.
private func atVersion3(_ t: TestContext, _ prepare: (Database) throws -> Void = { _ in }) throws {
    try given(
        Words(
            "a database at version 3 (migration 4 undone by the grader)",
            id: "database di versi 3 (migration 4 dibatalkan oleh grader)")
    ) {
        try t.prepareDatabase { db in
            try undoMigration4(db)
            try prepare(db)
        }
    }
}

private let firstStart = Words(
    "a new database gets every migration at the first start, each recorded once in schema_migrations with its name and checksum",
    id:
        "database baru mendapat setiap migration saat start pertama, masing-masing tercatat sekali di schema_migrations dengan nama dan checksum-nya"
)

private let secondStart = Words(
    "a second start changes nothing: schema_migrations and the schema stay exactly as they were",
    id: "start kedua tidak mengubah apa pun: schema_migrations dan schema-nya tetap persis seperti sebelumnya"
)

private let fromStep5 = Words(
    "a database made by steps 1 to 5 (user_version 2, no schema_migrations) keeps migrations 1 and 2 as its baseline, gets only 3 and 4 at start, and keeps its orders",
    id:
        "database yang dibuat langkah 1 sampai 5 (user_version 2, tanpa schema_migrations) memakai migration 1 dan 2 sebagai baseline-nya, hanya mendapat 3 dan 4 saat start, dan pesanan-pesanannya tetap ada"
)

let migrations = ExerciseTests("ops06-migrations") {
    Check(
        firstStart,
        hint: Words(
            "Write one row per migration into schema_migrations (version, name, checksum, applied_at), in the same transaction that runs its SQL.",
            id:
                "Tulis satu baris per migration ke schema_migrations (version, name, checksum, applied_at), di transaction yang sama dengan yang menjalankan SQL-nya."
        )
    ) { t in
        try t.startServer(environment: Shop.environment())
        try t.http.post("/orders", json: ["customer": "Ayu", "amount": .number(Double(Shop.amount))])
            .expectStatus(
                201)
        let rows = try t.database().query(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version")
        let versions = try rows.map { try $0.int("version") }
        try requireEqual(
            versions, [1, 2, 3, 4],
            Words(
                "the versions recorded in schema_migrations", id: "versi yang tercatat di schema_migrations"))
        for row in rows {
            let version = try row.int("version")
            try requireEqual(
                try row.string("name"), names[version],
                Words(
                    "the name recorded for migration \(version)",
                    id: "nama yang tercatat untuk migration \(version)"))
            let checksum = try row.string("checksum")
            try require(
                checksum.count == 64 && checksum.allSatisfy(\.isHexDigit),
                Words(
                    "the checksum recorded for migration \(version) is \"\(checksum)\", not migration.checksum (64 hex digits)",
                    id:
                        "checksum yang tercatat untuk migration \(version) adalah \"\(checksum)\", bukan migration.checksum (64 digit hex)"
                ))
        }
        try require(
            try hasRefundedAt(t),
            Words(
                "migration 4 is recorded, but orders has no refunded_at column",
                id: "migration 4 tercatat, tapi orders tidak punya kolom refunded_at"))
    }

    Check(
        secondStart,
        hint: Words(
            "Before running a migration, look for its row in schema_migrations: a row means it ran on this database, so skip it. A migration runs once per database, never at every start.",
            id:
                "Sebelum menjalankan sebuah migration, cari barisnya di schema_migrations: ada baris berarti ia sudah berjalan di database ini, jadi lewati. Migration berjalan sekali per database, jangan setiap start."
        ),
        needs: firstStart.en
    ) { t in
        let before = try snapshot(t)
        do {
            try t.restartServer()
        } catch let failure as CheckFailure {
            throw CheckFailure(
                Words(
                    "your server did not start a second time on its own database: \(failure.message)",
                    id:
                        "server kamu tidak bisa start untuk kedua kalinya di database-nya sendiri: \(failure.message)"
                ))
        }
        try t.http.get("/readyz").expectStatus(200)
        try requireEqual(
            try snapshot(t), before,
            Words(
                "the schema, schema_migrations and orders after a second start",
                id: "schema, schema_migrations, dan orders setelah start kedua"))
    }

    Check(
        fromStep5,
        hint: Words(
            "Decide migration by migration, by its own row in schema_migrations, not by whether the table has any row: a database of step 5 has rows 1 and 2 (its baseline, recorded from user_version before Migrator.run), and needs 3 and 4.",
            id:
                "Putuskan per migration, berdasarkan barisnya sendiri di schema_migrations, bukan berdasarkan apakah tabelnya punya baris: database dari langkah 5 punya baris 1 dan 2 (baseline-nya, dicatat dari user_version sebelum Migrator.run), dan butuh 3 dan 4."
        ),
        needs: firstStart.en
    ) { t in
        try t.http.post("/orders", json: ["customer": "Budi", "amount": .number(Double(Shop.amount))])
            .expectStatus(
                201)
        try given(
            Words(
                "a database as step 5 left it: migrations 1 and 2 counted in PRAGMA user_version = 2, the shipments table, no schema_migrations",
                id:
                    "database seperti yang ditinggalkan langkah 5: migration 1 dan 2 dihitung di PRAGMA user_version = 2, tabel shipments, tanpa schema_migrations"
            )
        ) {
            try t.prepareDatabase { db in
                try undoMigration4(db)
                try db.execute("DROP TABLE schema_migrations")
                try db.execute("PRAGMA user_version = 2")
            }
        }
        let orders = try t.database().query("SELECT id, customer, amount FROM orders ORDER BY id").map(
            \.description)
        try t.startServer(environment: Shop.environment())
        try t.http.get("/readyz").expectStatus(200)
        let rows = try t.database().query("SELECT version, name FROM schema_migrations ORDER BY version")
        try requireEqual(
            try rows.map { try $0.int("version") }, [1, 2, 3, 4],
            Words(
                "the versions in schema_migrations after starting on a database of step 5",
                id: "versi di schema_migrations setelah start di database dari langkah 5"))
        try require(
            try hasRefundedAt(t),
            Words(
                "after starting on a database of step 5, orders has no refunded_at column: migration 4 did not run",
                id:
                    "setelah start di database dari langkah 5, orders tidak punya kolom refunded_at: migration 4 tidak berjalan"
            ))
        try requireEqual(
            try t.database().query("SELECT id, customer, amount FROM orders ORDER BY id").map(\.description),
            orders,
            Words("the orders after migrations 3 and 4", id: "pesanan-pesanan setelah migration 3 dan 4"))
    }

    Check(
        Words(
            "a migration that fails leaves the database exactly as it was, and stops the start with a non-zero status and a message naming it",
            id:
                "migration yang gagal membuat database tetap persis seperti sebelumnya, dan menghentikan start dengan status bukan nol dan pesan yang menyebut namanya"
        ),
        hint: Words(
            "Run each migration's SQL and its schema_migrations row in one database.transaction, and let the error out of it as MigrationError.failed(version:name:reason:): the throw rolls back every statement of the migration, and main.swift stops the start.",
            id:
                "Jalankan SQL setiap migration dan baris schema_migrations-nya dalam satu database.transaction, dan biarkan error-nya keluar sebagai MigrationError.failed(version:name:reason:): throw itu membatalkan setiap statement migration-nya, dan main.swift menghentikan start-nya."
        ),
        needs: firstStart.en, fromStep5.en
    ) { t in
        try atVersion3(t) { db in
            // One gateway event with two ledger rows, as a delivery processed twice left it before
            // Module 6 step 2: migration 4's unique index cannot be built.
            try db.execute(
                """
                INSERT INTO ledger (order_id, event_id, amount, created_at)
                SELECT id, 'evt_dup', 55000, '2026-01-05T10:00:00Z' FROM orders ORDER BY id LIMIT 2
                """)
        }
        let before = try snapshot(t)
        let failure: StartFailure
        do {
            failure = try t.expectStartFailure()
        } catch let refused as CheckFailure {
            throw CheckFailure(
                Words(
                    "migration 4 cannot succeed on this database (two ledger rows carry one gateway event), and your server started anyway. A server that skips a migration runs code that expects a schema the database does not have; stop the start instead. (\(refused.message))",
                    id:
                        "migration 4 tidak mungkin berhasil di database ini (dua baris ledger membawa satu event gateway), dan server kamu tetap start. Server yang melewati migration menjalankan kode yang mengharapkan schema yang tidak dimiliki database-nya; hentikan start-nya. (\(refused.message))"
                ))
        }
        try failure.expectNonZeroExit()
        let after = try snapshot(t)
        if try hasRefundedAt(t) {
            throw CheckFailure(
                Words(
                    "migration 4 failed at its unique index, but its first statement stayed: orders now has refunded_at while schema_migrations does not list 4. The next start will fail at ALTER TABLE (duplicate column) for ever. Run the whole migration in one transaction.",
                    id:
                        "migration 4 gagal di unique index-nya, tapi statement pertamanya tertinggal: orders sekarang punya refunded_at sementara schema_migrations tidak mencantumkan 4. Start berikutnya akan gagal di ALTER TABLE (duplicate column) selamanya. Jalankan seluruh migration dalam satu transaction."
                ))
        }
        try requireEqual(
            after, before,
            Words(
                "the schema, schema_migrations and orders after the failed migration",
                id: "schema, schema_migrations, dan orders setelah migration yang gagal"))
        try failure.expectOutput(mentions: "one-ledger-row-per-event")
    }

    Check(
        Words(
            "two instances starting at the same moment on a database at version 3: one applies migration 4, the other waits, sees it applied, and starts too",
            id:
                "dua instance yang start pada saat yang sama di database versi 3: satu menerapkan migration 4, yang lain menunggu, melihatnya sudah diterapkan, dan ikut start"
        ),
        hint: Words(
            "Look for the migration's row inside the transaction that applies it, not before: database.transaction starts with BEGIN IMMEDIATE, so the second instance waits there, and then finds the row the first one wrote.",
            id:
                "Cari baris migration-nya di dalam transaction yang menerapkannya, bukan sebelumnya: database.transaction dimulai dengan BEGIN IMMEDIATE, jadi instance kedua menunggu di sana, lalu menemukan baris yang ditulis instance pertama."
        ),
        needs: firstStart.en, fromStep5.en,
        timeout: .seconds(30)
    ) { t in
        try atVersion3(t)
        try t.enableStatementLog()
        let creates = { () throws -> Int in
            try t.loggedStatements.filter {
                $0.sql.uppercased().hasPrefix("CREATE") && $0.sql.contains("schema_migrations")
            }.count
        }
        let before = try creates()
        // The check holds the write lock while both instances start: each can read schema_migrations,
        // neither can write yet. A read before the writing transaction then sees version 3 in both.
        // The lock is released once both ran their first statement (or after 2.5 s, well inside the
        // 5 s an instance waits for a lock), so both are at the lock however slowly they started.
        let holder = try Database(path: t.databasePath, maxConnections: 1)
        let starting = try holder.transaction { _ in
            let starting = Background(2) { _ in try t.startInstances(1, environment: Shop.environment())[0] }
            let deadline = ContinuousClock.now + .milliseconds(2500)
            while try creates() < before + 2 && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
            Thread.sleep(forTimeInterval: 0.3)
            return starting
        }
        for (index, result) in starting.wait(timeout: .seconds(20)).enumerated() {
            if case .failure(let error) = result {
                throw CheckFailure(
                    Words(
                        "of two instances started at the same moment, instance \(index + 1) failed to start: \(error). Both read version 3 before either wrote, so both ran migration 4.",
                        id:
                            "dari dua instance yang start pada saat yang sama, instance \(index + 1) gagal start: \(error). Keduanya membaca versi 3 sebelum ada yang menulis, jadi keduanya menjalankan migration 4."
                    ))
            }
        }
        let versions = try t.database().query("SELECT version FROM schema_migrations ORDER BY version").map {
            try $0.int("version")
        }
        try requireEqual(
            versions, [1, 2, 3, 4],
            Words(
                "the versions in schema_migrations after two instances started together",
                id: "versi di schema_migrations setelah dua instance start bersamaan"))
    }

    Check(
        Words(
            "a migration edited after it was applied stops the start, naming it",
            id: "migration yang diubah setelah diterapkan menghentikan start, dengan menyebut namanya"),
        hint: Words(
            "When a migration's row exists, compare its checksum with migration.checksum and throw MigrationError.changed when they differ. IF NOT EXISTS and skipping by version alone hide an edited migration: databases then differ without anyone knowing.",
            id:
                "Kalau baris migration-nya ada, bandingkan checksum-nya dengan migration.checksum dan throw MigrationError.changed kalau berbeda. IF NOT EXISTS dan melewati hanya berdasarkan versi menyembunyikan migration yang diubah: database-database lalu berbeda tanpa ada yang tahu."
        ),
        needs: firstStart.en
    ) { t in
        try t.prepareDatabase { db in
            try db.execute(
                "UPDATE schema_migrations SET checksum = ? WHERE version = 3",
                Hex.encode(SHA256.hash("CREATE TABLE shipments (order_id INTEGER PRIMARY KEY);")))
        }
        let failure: StartFailure
        do {
            failure = try t.expectStartFailure()
        } catch let started as CheckFailure {
            throw CheckFailure(
                Words(
                    "schema_migrations says migration 3 (shipments) ran with other SQL than yours has now, and your server started anyway. (\(started.message))",
                    id:
                        "schema_migrations mengatakan migration 3 (shipments) berjalan dengan SQL yang berbeda dari milikmu sekarang, dan server kamu tetap start. (\(started.message))"
                ))
        }
        try failure.expectNonZeroExit().expectOutput(mentions: "shipments")
    }
}
