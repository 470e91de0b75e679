import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes log lines to stderr, one line per event, as text or JSON.
///
/// `LOG_LEVEL` (debug, info, warning, error) and `LOG_FORMAT` (text, json) choose what is written.
/// Every line is written with a single `write`, so lines from concurrent requests never interleave.
/// `request.logger` carries the request id, so every line a request logs can be found together.
public struct Logger: Sendable {
    public enum Level: Int, Comparable, Sendable, CaseIterable {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    public enum Format: String, Sendable {
        case text, json
    }

    /// Where lines go. Tests and tools may collect them instead of writing to stderr.
    public enum Output: Sendable {
        case standardError
        case collect(@Sendable (String) -> Void)
    }

    public var level: Level
    public var format: Format
    public var output: Output
    /// Key–value pairs added to every line this logger writes (for example `request_id`).
    public var metadata: [String: LogValue]

    public init(
        level: Level = .info, format: Format = .text, output: Output = .standardError,
        metadata: [String: LogValue] = [:]
    ) {
        self.level = level
        self.format = format
        self.output = output
        self.metadata = metadata
    }

    /// Info level, text format, to stderr.
    public static let standard = Logger()

    /// A logger configured by `LOG_LEVEL` and `LOG_FORMAT`; unknown values fall back to info and text.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Logger
    {
        let level = environment["LOG_LEVEL"].flatMap { name in
            Level.allCases.first { $0.name == name.lowercased() }
        }
        let format = environment["LOG_FORMAT"].flatMap { Format(rawValue: $0.lowercased()) }
        return Logger(level: level ?? .info, format: format ?? .text)
    }

    /// A copy that adds `value` under `key` to every line.
    public func with(_ key: String, _ value: LogValue) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    public func isEnabled(_ level: Level) -> Bool { level >= self.level }

    public func debug(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) {
        log(.debug, message(), metadata)
    }

    public func info(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) {
        log(.info, message(), metadata)
    }

    public func warning(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) {
        log(.warning, message(), metadata)
    }

    public func error(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) {
        log(.error, message(), metadata)
    }

    public func log(
        _ level: Level, _ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]
    ) {
        guard isEnabled(level) else { return }
        let merged = self.metadata.merging(metadata) { _, new in new }
        let line = LogLineFormatter.format(
            level: level, message: message(), metadata: merged, as: format, time: Date())
        switch output {
        case .standardError:
            line.utf8CString.withUnsafeBufferPointer { buffer in
                var offset = 0
                let length = buffer.count - 1  // without the NUL terminator
                while offset < length {
                    let written = write(2, buffer.baseAddress! + offset, length - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        case .collect(let sink):
            sink(line)
        }
    }
}

/// A value in a log line's metadata; numbers stay numbers in JSON logs.
public enum LogValue: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringInterpolation
{
    case string(String)
    case int(Int)
    case double(Double)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }

    public var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(format: "%.2f", value)
        }
    }
}
