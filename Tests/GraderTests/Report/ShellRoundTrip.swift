import Foundation

/// Runs a printed command line through a real shell, with `curl` replaced by a shell function that
/// writes back the arguments it got and what it read on standard input.
///
/// This checks quoting the only way that counts: a shell parses the exact text a learner would paste.
enum ShellRoundTrip {
    struct Invocation: Equatable {
        var arguments: [String]
        var standardInput: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case shellFailed(shell: String, status: Int32, output: String)
        case unexpectedOutput(String)

        var description: String {
            switch self {
            case .shellFailed(let shell, let status, let output):
                "\(shell) exited with status \(status); it printed: \(output)"
            case .unexpectedOutput(let output):
                "the shell printed something unexpected: \(output.debugDescription)"
            }
        }
    }

    /// The shells to try: POSIX sh always, bash when installed.
    static let shells = ["/bin/sh", "/bin/bash"].filter { FileManager.default.isExecutableFile(atPath: $0) }

    /// `curl` prints its argument count, each argument, then its standard input, NUL-separated.
    private static let prelude = #"curl() { printf '%s\0' "$#" "$@"; cat; }"#

    static func run(_ commandLine: String, shell: String = "/bin/sh") throws -> Invocation {
        let process = Process()
        process.executableURL = URL(filePath: shell)
        process.arguments = ["-c", prelude + "\n" + commandLine]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.shellFailed(
                shell: shell, status: process.terminationStatus, output: String(decoding: data, as: UTF8.self)
            )
        }
        return try parse(Array(data))
    }

    private static func parse(_ bytes: [UInt8]) throws -> Invocation {
        var fields: [String] = []
        var rest = bytes[...]
        func nextField() -> String? {
            guard let end = rest.firstIndex(of: 0) else { return nil }
            defer { rest = rest[(end + 1)...] }
            return String(decoding: rest[..<end], as: UTF8.self)
        }
        guard let countText = nextField(), let count = Int(countText) else {
            throw Failure.unexpectedOutput(String(decoding: bytes, as: UTF8.self))
        }
        for _ in 0..<count {
            guard let field = nextField() else {
                throw Failure.unexpectedOutput(String(decoding: bytes, as: UTF8.self))
            }
            fields.append(field)
        }
        return Invocation(arguments: fields, standardInput: Array(rest))
    }
}
