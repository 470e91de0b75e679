import BackendKit
import Foundation

/// One click on a short link, as the redirect saw it, waiting to be written.
struct Click: Sendable, Equatable {
    var linkID: Int
    var at: Date
}

extension LinkStore {
    /// Writes clicks to the clicks table, one INSERT each. Every INSERT is a transaction of its own
    /// (SQLite commits each statement outside a transaction by itself).
    func recordClicks(_ clicks: [Click]) throws {
        for click in clicks {
            try recordClick(linkID: click.linkID, at: click.at)
        }
    }
}
