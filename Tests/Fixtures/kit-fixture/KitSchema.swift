import BackendKit

/// The fixture's tables, created at startup, and a little seed data for the catalog routes.
enum KitSchema {
    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE sessions (token TEXT PRIMARY KEY, user TEXT NOT NULL, last_seen REAL NOT NULL);
                CREATE TABLE hits (client TEXT NOT NULL, window INTEGER NOT NULL, count INTEGER NOT NULL,
                                   PRIMARY KEY (client, window));
                CREATE TABLE outbox (id INTEGER PRIMARY KEY, recipient TEXT NOT NULL, subject TEXT NOT NULL,
                                     body TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id),
                                    title TEXT NOT NULL);
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL);
                CREATE TABLE ledger (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, change INTEGER NOT NULL);
                CREATE TABLE coupons (code TEXT PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0);
                """),
        Migration(version: 2) { tx in
            for author in 1...10 {
                try tx.execute("INSERT INTO authors (id, name) VALUES (?, ?)", author, "Author \(author)")
                for book in 1...3 {
                    try tx.execute(
                        "INSERT INTO books (author_id, title) VALUES (?, ?)", author,
                        "Book \(book) of \(author)")
                }
            }
            try tx.execute("INSERT INTO accounts (id, balance) VALUES (1, 100), (2, 0)")
            try tx.execute("INSERT INTO coupons (code) VALUES ('WELCOME')")
        },
    ]
}
