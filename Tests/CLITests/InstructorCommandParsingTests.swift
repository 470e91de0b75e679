import Testing

@testable import backendlings

/// The command lines of the progress page and of GitHub Classroom parse to their typed commands.
@Suite struct InstructorCommandParsingTests {
    @Test(arguments: [
        (["progress", "--web"], Command.progress(json: false, web: true, port: nil)),
        (["progress", "--web", "--port", "0"], .progress(json: false, web: true, port: 0)),
        (["progress", "--web", "-p", "8765"], .progress(json: false, web: true, port: 8765)),
        (["check", "db01-schema", "--points"], .check(exercise: "db01-schema", json: false, points: true)),
        (["dev", "classroom"], .devClassroom(output: ".", swiftVersion: nil)),
        (
            ["dev", "classroom", "--output", "template", "--swift-version", "6.2"],
            .devClassroom(output: "template", swiftVersion: "6.2")
        ),
    ])
    func instructorCommands_parseToTheirTypedCase(arguments: [String], expected: Command) {
        #expect(CommandLineParser().parse(arguments) == .run(Invocation(expected)))
    }

    @Test func aPortOutOfRange_orWithoutWeb_isAUsageError() {
        for arguments in [["progress", "--web", "--port", "70000"], ["progress", "--port", "8000"]] {
            guard case .usageError(let error) = CommandLineParser().parse(arguments) else {
                Issue.record("\(arguments) must be refused")
                continue
            }
            #expect(error.exitCode == 64)
        }
    }
}
