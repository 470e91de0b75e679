import Foundation
import Grader

/// The command line of a compiled grader: a module's `main.swift` hands it the module's tests.
///
/// ```swift
/// GraderMain.run([schema, insertAndFetch, filters])
/// ```
///
/// Usage: `grader-<module> --exercise ID --server PATH [--reference PATH] [--learner-folder DIR] [--report FILE]
/// [--results-json FILE] [--junit FILE] [--replay-dir DIR] [--format text|json] [--lang en|id]`, or
/// `--list` for the exercise ids it has tests for, or `--list-checks` for each exercise's points
/// (`{"id": 4}`), or `--exercise ID --not-built` for the report of code that did not build (every
/// check not checked, 0 of all its points). `--lang` picks the one language the run is written in (English by default): check
/// names, messages and hints in report.json, results.json, JUnit and the text report, each text
/// falling back to English where the pack has no Indonesian. `--reference` names the reference
/// solution's server, for checks that compare; `--learner-folder` the learner's exercise folder, for
/// checks that read a file in it (`t.learnerFile`); `--replay-dir` gets a replay script (`check-08.sh`)
/// for each failed check.
/// Exit status 0 means a report was produced, whatever it says; 2 means a usage error.
public enum GraderMain {
    public static func run(_ exercises: [ExerciseTests], arguments: [String] = CommandLine.arguments) -> Never
    {
        ChildProcess.killAllOnExit()
        ChildProcess.exitWhenParentDies()
        let options: GraderOptions
        do {
            options = try GraderOptions.parse(Array(arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n\(GraderOptions.usage)\n".utf8))
            exit(2)
        }
        if options.listChecks {
            let points = Dictionary(
                exercises.map { ($0.exerciseID, $0.checks.reduce(0) { $0 + $1.points }) },
                uniquingKeysWith: { a, _ in a })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: (try? encoder.encode(points)) ?? Data("{}".utf8), as: UTF8.self))
            exit(0)
        }
        // The run's threads read the process default; tasks and code called from here see the binding.
        Language.processDefault = options.language
        Language.$bound.withValue(options.language) { run(exercises, options: options) }
    }

    private static func run(_ exercises: [ExerciseTests], options: GraderOptions) -> Never {
        if options.list {
            let ids = exercises.map(\.exerciseID)
            print(String(decoding: (try? JSONEncoder().encode(ids)) ?? Data("[]".utf8), as: UTF8.self))
            exit(0)
        }
        let report: GradeReport
        if let tests = exercises.first(where: { $0.exerciseID == options.exercise }) {
            if options.notBuilt {
                report = tests.notBuiltReport()
            } else if FileManager.default.isExecutableFile(atPath: options.server) {
                var runner = CheckRunner(
                    tests: tests,
                    serverExecutable: URL(fileURLWithPath: options.server).standardizedFileURL.path)
                runner.replayDirectory = options.replayDirectory.map { URL(fileURLWithPath: $0) }
                runner.reference = options.reference.map {
                    ReferenceServer(executable: URL(fileURLWithPath: $0).standardizedFileURL.path)
                }
                runner.starter = options.starter.map {
                    ReferenceServer(executable: URL(fileURLWithPath: $0).standardizedFileURL.path)
                }
                runner.learnerFolder = options.learnerFolder.map {
                    URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL
                }
                report = runner.run()
            } else {
                report = GradeReport(
                    exercise: options.exercise, status: .error,
                    message: Words(
                        "The grader cannot run \(options.server): no executable file there. Did the build succeed?",
                        id:
                            "Grader tidak bisa menjalankan \(options.server): tidak ada file executable di sana. "
                            + "Apakah build-nya berhasil?"
                    ).text)
            }
        } else {
            let known = exercises.map(\.exerciseID).joined(separator: ", ")
            report = GradeReport(
                exercise: options.exercise, status: .error,
                message: Words(
                    "This grader has no tests for \"\(options.exercise)\". Its exercises are: \(known).",
                    id: "Grader ini tidak punya tes untuk \"\(options.exercise)\". Latihannya: \(known)."
                ).text)
        }
        do {
            try options.write(report)
        } catch {
            FileHandle.standardError.write(
                Data(
                    Words(
                        "Could not write the report: \(error)\n", id: "Laporan tidak bisa ditulis: \(error)\n"
                    ).text.utf8))
            exit(3)
        }
        exit(0)
    }
}
