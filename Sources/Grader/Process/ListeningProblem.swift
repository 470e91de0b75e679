/// What is wrong with a listening line a server printed, so the verdict can quote the line and say
/// what to change instead of waiting out the readiness deadline.
public enum ListeningProblem: Sendable, Equatable {
    /// It starts like the listening line but does not have the contract's exact form.
    case notTheContractLine
    /// It announces port 0, the "pick any free port" request, not a port; `actualPorts` are the
    /// ports the server really listens on, when `/proc` can tell.
    case portZero(actualPorts: [Int])
    /// It announces `port`, but nothing listens there; `actualPorts` are where it does listen.
    case nothingListening(port: Int, actualPorts: [Int])
    /// It announces `announced`, but it was told to listen on `given` (`PORT`).
    case notTheGivenPort(announced: Int, given: Int)

    /// The verdict for a server that printed `line`: the line quoted, and what is wrong with it.
    public func verdict(line: String) -> String {
        "Your server printed \"\(line)\", \(explanation)"
    }

    /// The sentence after "Your server printed "…"".
    var explanation: String {
        switch self {
        case .notTheContractLine:
            return "but that is not the startup line: print exactly \"\(ListeningLine.template)\" with the "
                + "port your server listens on."
        case .portZero(let actual):
            return "but 0 is not a port a client can connect to: PORT=0 asks the system for any free port. "
                + "Print the port your server really got" + Self.listeningClause(actual) + "."
        case .nothingListening(let port, let actual):
            if actual.isEmpty {
                return "but nothing listens on port \(port), and your server listens on no port at all. "
                    + "Print the line only once the server is listening."
            }
            return "but nothing listens on port \(port)" + Self.listeningClause(actual)
                + ". Print the port your server really got."
        case .notTheGivenPort(let announced, let given):
            return "but it was told to listen on port \(given) (PORT=\(given)), not \(announced). "
                + "Read the port from the PORT environment variable."
        }
    }

    private static func listeningClause(_ ports: [Int]) -> String {
        switch ports.count {
        case 0: return ""
        case 1: return " (it listens on port \(ports[0]))"
        default: return " (it listens on ports \(ports.map(String.init).joined(separator: ", ")))"
        }
    }
}
