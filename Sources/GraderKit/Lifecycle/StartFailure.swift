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
                "started \(change), your server \(status); it should exit with a non-zero status (exit(1)) so that scripts and process managers see the failure."
            )
        }
        return self
    }

    /// Fails unless the output names `text` (a variable name), so the person starting the server
    /// knows what to fix.
    @discardableResult
    public func expectOutput(mentions text: String) throws -> StartFailure {
        guard output.contains(text) else {
            throw CheckFailure(
                "started \(change), your server exited without naming \(text) in its output, so whoever starts it cannot tell what is wrong. It printed:\n\(Self.excerpt(output))"
            )
        }
        return self
    }

    /// Fails when the output contains `secret`: configuration errors must never print a secret's value.
    @discardableResult
    public func expectOutput(omits secret: String, what: String = "the secret's value") throws -> StartFailure
    {
        guard !output.contains(secret) else {
            throw CheckFailure(
                "started \(change), your server printed \(what) in its output. Logs are read by many people and kept for a long time: name the variable, never print its value."
            )
        }
        return self
    }

    static func describe(adding: [String: String], removing: Set<String>) -> String {
        var parts: [String] = []
        if !removing.isEmpty { parts.append("without " + removing.sorted().joined(separator: ", ")) }
        if !adding.isEmpty { parts.append("with " + adding.keys.sorted().joined(separator: ", ") + " set") }
        return parts.isEmpty ? "with its usual environment" : parts.joined(separator: " and ")
    }

    private static func excerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(10)
        return lines.isEmpty || output.isEmpty
            ? "    (nothing)" : lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
