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
        Words(
            "Your server printed \"\(line)\", \(explanation)",
            id: "Server kamu mencetak \"\(line)\", \(explanation)"
        )
        .text
    }

    /// The sentence after "Your server printed "…"".
    var explanation: String {
        switch self {
        case .notTheContractLine:
            return Words(
                "but that is not the startup line: print exactly \"\(ListeningLine.template)\" with the "
                    + "port your server listens on.",
                id: "tapi itu bukan baris startup-nya: cetak persis \"\(ListeningLine.template)\" dengan "
                    + "port tempat server kamu listen."
            ).text
        case .portZero(let actual):
            return Words(
                "but 0 is not a port a client can connect to: PORT=0 asks the system for any free port. "
                    + "Print the port your server really got" + Self.listeningClause(actual) + ".",
                id: "tapi 0 bukan port yang bisa dihubungi client: PORT=0 meminta sistem memilih port kosong "
                    + "mana saja. Cetak port yang benar-benar didapat server kamu"
                    + Self.listeningClause(actual) + "."
            ).text
        case .nothingListening(let port, let actual):
            if actual.isEmpty {
                return Words(
                    "but nothing listens on port \(port), and your server listens on no port at all. "
                        + "Print the line only once the server is listening.",
                    id:
                        "tapi tidak ada yang listen di port \(port), dan server kamu tidak listen di port mana pun. "
                        + "Cetak baris itu hanya setelah server-nya listen."
                ).text
            }
            return Words(
                "but nothing listens on port \(port)" + Self.listeningClause(actual)
                    + ". Print the port your server really got.",
                id: "tapi tidak ada yang listen di port \(port)" + Self.listeningClause(actual)
                    + ". Cetak port yang benar-benar didapat server kamu."
            ).text
        case .notTheGivenPort(let announced, let given):
            return Words(
                "but it was told to listen on port \(given) (PORT=\(given)), not \(announced). "
                    + "Read the port from the PORT environment variable.",
                id: "padahal ia diminta listen di port \(given) (PORT=\(given)), bukan \(announced). "
                    + "Baca port-nya dari environment variable PORT."
            ).text
        }
    }

    private static func listeningClause(_ ports: [Int]) -> String {
        switch ports.count {
        case 0: return ""
        case 1: return Words(" (it listens on port \(ports[0]))", id: " (ia listen di port \(ports[0]))").text
        default:
            let list = ports.map(String.init).joined(separator: ", ")
            return Words(" (it listens on ports \(list))", id: " (ia listen di port \(list))").text
        }
    }
}
