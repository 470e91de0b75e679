#if os(Linux)
    import Glibc

    /// Code that crashes the way a learner's first backend often does, for the grader's crash reports.
    /// The lines matter: tests find `return title!` and the `throw` by their text.
    enum Shelf {
        static let titles: [Int: String] = [1: "Dune"]

        /// Force-unwraps a missing dictionary value: a trap with "Unexpectedly found nil".
        static func title(of id: Int) -> String {
            let title = titles[id]
            return title!
        }
    }

    /// What a failed migration at start throws.
    struct MigrationFailed: Error {
        let reason: String
    }

    /// Throws at start; main.swift does not catch it, so Swift reports "Error raised at top level".
    func migrate() throws {
        writeLine("grader-fixture: migrating the database", to: 2)
        throw MigrationFailed(reason: "near \"CREAT\": syntax error")
    }
#endif
