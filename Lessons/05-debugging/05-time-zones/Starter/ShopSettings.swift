import Foundation

/// Settings of the shop itself, read once at start.
struct ShopSettings: Sendable {
    /// The shop's own time zone (SHOP_TIME_ZONE, an IANA name such as Asia/Jakarta): its days,
    /// its opening hours and its daily totals are in this zone, whatever zone the server runs in.
    var timeZone: TimeZone

    static let defaultTimeZone = "Asia/Jakarta"

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ShopSettings
    {
        let name = environment["SHOP_TIME_ZONE"] ?? defaultTimeZone
        guard let zone = TimeZone(identifier: name) else { throw ShopSettingsError.unknownTimeZone }
        return ShopSettings(timeZone: zone)
    }
}

enum ShopSettingsError: Error, CustomStringConvertible {
    case unknownTimeZone

    var description: String {
        "SHOP_TIME_ZONE must be the name of a time zone, such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura."
    }
}
