import Grader

/// How a server that refused to start ended, from `TestContext.expectStartFailure`.
public struct StartFailure: Sendable {
    public let status: ExitStatus
    /// Everything it printed, stdout and stderr together.
    public let output: String
    /// "without JWT_SECRET", for messages.
    let change: String

    /// Fails unless the server exited with a non-zero status, as a start failure must.
    @discardableResult
    public func expectNonZeroExit() throws -> StartFailure {
        guard case .exited(let code) = status, code != 0 else {
            throw CheckFailure(
                Words(
                    "started \(change), your server \(status); it should exit with a non-zero status (exit(1)) so "
                        + "that scripts and process managers see the failure.",
                    id:
                        "saat dijalankan \(change), server kamu \(status); seharusnya ia keluar dengan status bukan "
                        + "nol (exit(1)) supaya script dan process manager tahu ada yang gagal."
                ))
        }
        return self
    }

    /// Fails unless the output names `text` (a variable name), so the person starting the server
    /// knows what to fix.
    @discardableResult
    public func expectOutput(mentions text: String) throws -> StartFailure {
        guard output.contains(text) else {
            throw CheckFailure(
                Words(
                    "started \(change), your server exited without naming \(text) in its output, so whoever starts "
                        + "it cannot tell what is wrong. It printed:\n\(Self.excerpt(output))",
                    id:
                        "saat dijalankan \(change), server kamu keluar tanpa menyebut \(text) di output-nya, jadi "
                        + "orang yang menjalankannya tidak tahu apa yang salah. Yang ia cetak:\n\(Self.excerpt(output))"
                ))
        }
        return self
    }

    /// The same with an English-only name for the secret (see CheckFailure+EnglishOnly.swift).
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectOutput(omits secret: String, what: String) throws -> StartFailure {
        try expectOutput(omits: secret, what: Words(english: what))
    }

    /// Fails when the output contains `secret`: configuration errors must never print a secret's
    /// value. `what` names the secret in both languages (`Words("the JWT secret", id: "secret JWT")`).
    @discardableResult
    public func expectOutput(
        omits secret: String, what: Words = Words("the secret's value", id: "nilai secret-nya")
    ) throws -> StartFailure {
        guard !output.contains(secret) else {
            let english =
                "started \(change), your server printed \(what.en) in its output. Logs are read by many people "
                + "and kept for a long time: name the variable, never print its value."
            // An English-only `what` keeps the whole sentence English rather than mixing the languages.
            throw CheckFailure(
                what.isTranslated
                    ? Words(
                        english,
                        id:
                            "saat dijalankan \(change), server kamu mencetak \(what[.id]) di output-nya. Log dibaca "
                            + "banyak orang dan disimpan lama: sebut nama variabelnya, jangan pernah cetak nilainya."
                    )
                    : Words(english: english))
        }
        return self
    }

    static func describe(adding: [String: String], removing: Set<String>) -> String {
        var parts: [String] = []
        if !removing.isEmpty {
            let names = removing.sorted().joined(separator: ", ")
            parts.append(Words("without \(names)", id: "tanpa \(names)").text)
        }
        if !adding.isEmpty {
            let names = adding.keys.sorted().joined(separator: ", ")
            parts.append(Words("with \(names) set", id: "dengan \(names) diisi").text)
        }
        return parts.isEmpty
            ? Words("with its usual environment", id: "dengan environment biasanya").text
            : parts.joined(separator: Words(" and ", id: " dan ").text)
    }

    private static func excerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(10)
        return lines.isEmpty || output.isEmpty
            ? "    " + Words("(nothing)", id: "(tidak ada)").text
            : lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
