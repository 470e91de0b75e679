import BackendKit
import Foundation

/// One short link as stored.
struct Link: Sendable, Equatable {
    var id: Int
    var code: String
    var url: String
    var createdAt: String
    var updatedAt: String

    init(row: Row) throws {
        id = try row.int("id")
        code = try row.string("code")
        url = try row.string("url")
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
    }
}

/// What `POST /links` and `PUT /links/:code` accept.
struct LinkInput: Decodable, Sendable {
    var url: String
    var code: String?
}

/// A link as the API shows it.
struct LinkView: Encodable, Sendable {
    var code: String
    var url: String
    var shortURL: String
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case code, url
        case shortURL = "short_url"
        case createdAt = "created_at"
    }
}

/// `GET /links/:code`: the link and how often it was followed.
struct LinkDetails: Encodable, Sendable {
    var code: String
    var url: String
    var clicks: Int
    var createdAt: String
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case code, url, clicks
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// One line of `GET /stats`.
struct LinkStat: Encodable, Sendable, Equatable {
    var code: String
    var url: String
    var clicks: Int
    var lastClickAt: String?

    enum CodingKeys: String, CodingKey {
        case code, url, clicks
        case lastClickAt = "last_click_at"
    }
}
