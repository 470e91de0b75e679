import Foundation
import Grader

/// The parsed command line of a compiled grader.
struct GraderOptions {
    enum Format: String {
        case text, json
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static let usage =
        "Usage: grader --exercise ID --server PATH [--reference PATH] [--starter PATH] [--learner-folder DIR] [--report FILE] [--results-json FILE] [--junit FILE] [--replay-dir DIR] [--format text|json] [--lang en|id] | --exercise ID --not-built [--report FILE] [--format text|json] [--lang en|id] | --list | --list-checks"

    var exercise = ""
    var server = ""
    /// The reference solution's server, for checks that compare with it.
    var reference: String?
    /// The exercise's untouched starter, for checks that run something against the unfixed code.
    var starter: String?
    /// The learner's exercise folder, for checks that read a file the learner wrote (`Containerfile`).
    var learnerFolder: String?
    var report: String?
    var resultsJSON: String?
    var junit: String?
    /// Where to write a replay script for each failed check (`check-08.sh`).
    var replayDirectory: String?
    var format = Format.text
    /// The one language the whole run is written in: check names, messages, hints, every report.
    var language = Language.en
    var list = false
    /// `--list-checks`: each exercise's points, for CI workflows that need every exercise's maximum.
    var listChecks = false
    /// `--not-built`: the learner's code did not build, so there is no server; the report lists
    /// every check as not checked (see `ExerciseTests.notBuiltReport`).
    var notBuilt = false

    static func parse(_ arguments: [String]) throws -> GraderOptions {
        var options = GraderOptions()
        var index = 0
        func value(for flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value.") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--exercise": options.exercise = try value(for: argument)
            case "--server": options.server = try value(for: argument)
            case "--reference": options.reference = try value(for: argument)
            case "--starter": options.starter = try value(for: argument)
            case "--learner-folder": options.learnerFolder = try value(for: argument)
            case "--report": options.report = try value(for: argument)
            case "--results-json": options.resultsJSON = try value(for: argument)
            case "--junit": options.junit = try value(for: argument)
            case "--replay-dir": options.replayDirectory = try value(for: argument)
            case "--format":
                let raw = try value(for: argument)
                guard let format = Format(rawValue: raw) else {
                    throw UsageError(description: "--format must be text or json, not \(raw).")
                }
                options.format = format
            case "--lang":
                let raw = try value(for: argument)
                // Exactly the codes the runner passes; a locale such as id_ID is the runner's to read.
                guard let language = Language(rawValue: raw) else {
                    throw UsageError(description: "--lang must be en or id, not \(raw).")
                }
                options.language = language
            case "--list": options.list = true
            case "--list-checks": options.listChecks = true
            case "--not-built": options.notBuilt = true
            default: throw UsageError(description: "Unknown argument \(argument).")
            }
            index += 1
        }
        if !options.list && !options.listChecks && options.exercise.isEmpty {
            throw UsageError(description: "--exercise is required.")
        }
        if !options.list && !options.listChecks && options.notBuilt == !options.server.isEmpty {
            throw UsageError(description: "Give either --server or --not-built.")
        }
        return options
    }

    func write(_ report: GradeReport) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try encoder.encode(report)
        if let path = self.report { try json.write(to: URL(fileURLWithPath: path), options: .atomic) }
        if let path = resultsJSON {
            try ExercismResults(report: report).jsonData().write(
                to: URL(fileURLWithPath: path), options: .atomic)
        }
        if let path = junit {
            try Data(JUnitReport.render(report).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        switch format {
        case .json:
            FileHandle.standardOutput.write(json)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            FileHandle.standardOutput.write(Data(TextReportRenderer().render(report).utf8))
        }
    }
}
