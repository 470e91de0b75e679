#if os(Linux)
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    #if canImport(Glibc)
        import Glibc
    #endif

    /// `t.learnerFile` and `t.learnerFileExists` on real folders and files: what a check may read
    /// from the learner's exercise folder, and the failure a learner reads for each file it refuses.
    /// The last cases run the compiled `fixture-grader` with and without `--learner-folder`.
    @Suite(.timeLimit(.minutes(2)))
    struct LearnerFileTests {
        /// A temporary exercise folder beside a temporary outside folder, removed by `finish`.
        struct Folders {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent(
                "learner-files-\(UUID().uuidString)", isDirectory: true)
            var exercise: URL { base.appendingPathComponent("01-release", isDirectory: true) }
            var outside: URL { base.appendingPathComponent("outside", isDirectory: true) }

            init() throws {
                try FileManager.default.createDirectory(at: exercise, withIntermediateDirectories: true)
                try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            }

            func write(_ text: String, _ path: String, in folder: URL? = nil) throws {
                let url = (folder ?? exercise).appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }

            func context(learnerFolder: URL?) -> TestContext {
                TestContext(
                    exerciseID: "release", serverExecutable: "/bin/false", workDirectory: base,
                    learnerFolder: learnerFolder)
            }

            func finish() { try? FileManager.default.removeItem(at: base) }
        }

        private func failure(_ body: () throws -> Void) -> String? {
            do {
                try body()
                return nil
            } catch let failure as CheckFailure {
                return failure.message
            } catch {
                return "not a CheckFailure: \(error)"
            }
        }

        @Test func aFileInTheFolder_isReadWhole_alsoInASubfolder() throws {
            let folders = try Folders()
            defer { folders.finish() }
            try folders.write("FROM swift:6.0\nUSER app\n", "Containerfile")
            try folders.write("# Runbook\n", "docs/RUNBOOK.md")
            let t = folders.context(learnerFolder: folders.exercise)
            #expect(try t.learnerFile("Containerfile") == "FROM swift:6.0\nUSER app\n")
            #expect(try t.learnerFile("docs/RUNBOOK.md") == "# Runbook\n")
            #expect(t.learnerFileExists("Containerfile"))
            #expect(t.learnerFileExists("docs/RUNBOOK.md"))
        }

        @Test func aMissingFile_failsNamingIt_inBothLanguages() throws {
            let folders = try Folders()
            defer { folders.finish() }
            let t = folders.context(learnerFolder: folders.exercise)
            #expect(!t.learnerFileExists("Containerfile"))
            #expect(
                failure { _ = try t.learnerFile("Containerfile") }
                    == "There is no Containerfile in your exercise folder (01-release/). Create it there, with exactly this name."
            )
            let indonesian = Language.$bound.withValue(.id) {
                failure { _ = try t.learnerFile("Containerfile") }
            }
            #expect(
                indonesian
                    == "Tidak ada Containerfile di folder latihanmu (01-release/). Buat file itu di sana, dengan nama persis seperti ini."
            )
        }

        @Test func pathsThatLeaveTheFolder_areRefused_beforeAnythingIsRead() throws {
            let folders = try Folders()
            defer { folders.finish() }
            try folders.write("secret\n", "secret.txt", in: folders.outside)
            let t = folders.context(learnerFolder: folders.exercise)
            let outsidePath = folders.outside.appendingPathComponent("secret.txt").path
            for path in [
                "../outside/secret.txt", outsidePath, "", "./Containerfile", ".dockerignore", "docs/.hidden",
                "a//b", "docs/../../x",
            ] {
                #expect(!t.learnerFileExists(path), "\(path)")
                let message = failure { _ = try t.learnerFile(path) }
                #expect(
                    message?.hasPrefix(
                        "The check asked for \"\(path)\", which is not a path inside the exercise folder")
                        == true, "\(path): \(message ?? "read")")
            }
        }

        @Test func aSymbolicLinkOutOfTheFolder_isRefused_oneInsideIsFollowed() throws {
            let folders = try Folders()
            defer { folders.finish() }
            try folders.write("secret\n", "secret.txt", in: folders.outside)
            try folders.write("FROM swift:6.0\n", "real/Containerfile")
            let manager = FileManager.default
            try manager.createSymbolicLink(
                at: folders.exercise.appendingPathComponent("Containerfile"),
                withDestinationURL: folders.outside.appendingPathComponent("secret.txt"))
            try manager.createSymbolicLink(
                atPath: folders.exercise.appendingPathComponent("Inside").path,
                withDestinationPath: "real/Containerfile")
            try manager.createSymbolicLink(
                at: folders.exercise.appendingPathComponent("linked"), withDestinationURL: folders.outside)
            let t = folders.context(learnerFolder: folders.exercise)
            #expect(!t.learnerFileExists("Containerfile"))
            #expect(
                failure { _ = try t.learnerFile("Containerfile") }
                    == "Containerfile in your exercise folder is a link to a file outside it. The grader reads only files in the exercise folder: put the real file there."
            )
            #expect(
                failure { _ = try t.learnerFile("linked/secret.txt") }?.contains(
                    "a link to a file outside it") == true)
            #expect(try t.learnerFile("Inside") == "FROM swift:6.0\n")
        }

        @Test func aFileOverTheLimit_aFolder_aFIFOAndBinaryBytes_failSayingWhy() throws {
            let folders = try Folders()
            defer { folders.finish() }
            try folders.write(String(repeating: "#", count: TestContext.learnerFileLimit), "AtTheLimit")
            try folders.write(
                String(repeating: "#", count: TestContext.learnerFileLimit + 1), "Containerfile")
            try FileManager.default.createDirectory(
                at: folders.exercise.appendingPathComponent("Folder"), withIntermediateDirectories: true)
            #expect(mkfifo(folders.exercise.appendingPathComponent("Pipe").path, 0o600) == 0)
            try Data([0x46, 0xFF, 0xFE]).write(to: folders.exercise.appendingPathComponent("Binary"))
            let t = folders.context(learnerFolder: folders.exercise)
            #expect(try t.learnerFile("AtTheLimit").count == TestContext.learnerFileLimit)
            #expect(
                failure { _ = try t.learnerFile("Containerfile") }
                    == "Containerfile in your exercise folder is larger than 256 KiB; the grader reads at most that much. Keep it to the lines the task asks for."
            )
            for path in ["Folder", "Pipe"] {
                #expect(!t.learnerFileExists(path))
                #expect(
                    failure { _ = try t.learnerFile(path) }
                        == "\(path) in your exercise folder is not a regular file. Make it a plain text file."
                )
            }
            #expect(
                failure { _ = try t.learnerFile("Binary") }
                    == "Binary in your exercise folder is not UTF-8 text. Save it as plain text (UTF-8).")
        }

        @Test func withoutALearnerFolder_theFailureSaysTheRunnerDidNotNameOne() throws {
            let folders = try Folders()
            defer { folders.finish() }
            let t = folders.context(learnerFolder: nil)
            #expect(!t.learnerFileExists("Containerfile"))
            #expect(
                failure { _ = try t.learnerFile("Containerfile") }?.hasPrefix(
                    "The grader was not told where your exercise folder is (--learner-folder)") == true)
        }

        @Test func theLearnerFolderOption_isParsed() throws {
            let options = try GraderOptions.parse(
                ["--exercise", "x", "--server", "/bin/true", "--learner-folder", "/tmp/ex"])
            #expect(options.learnerFolder == "/tmp/ex")
            #expect(throws: GraderOptions.UsageError.self) {
                try GraderOptions.parse(["--exercise", "x", "--server", "/bin/true", "--learner-folder"])
            }
        }

        /// The compiled grader, given `--learner-folder` or not: the check reads the folder's file.
        private func grade(learnerFolder: URL?, in folders: Folders) throws -> GradeReport {
            let report = folders.base.appendingPathComponent("report.json").path
            let grader = URL(fileURLWithPath: try GraderFixture.path).deletingLastPathComponent()
                .appendingPathComponent("fixture-grader").path
            let (status, output) = try ChildProcess.run(
                executable: grader,
                arguments: [
                    "--exercise", "learner-files", "--server", try GraderFixture.path, "--report", report,
                ]
                    + (learnerFolder.map { ["--learner-folder", $0.path] } ?? []),
                timeout: .seconds(60))
            #expect(status == .exited(0), "\(output.text)")
            return try JSONDecoder().decode(
                GradeReport.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
        }

        @Test func theCompiledGrader_readsTheFileOfTheFolderItIsGiven() throws {
            let folders = try Folders()
            defer { folders.finish() }
            try folders.write("FROM swift:6.0\n", "Containerfile")
            #expect(try grade(learnerFolder: folders.exercise, in: folders).status == .pass)
            try folders.write("RUN swift build\n", "Containerfile")
            let wrong = try grade(learnerFolder: folders.exercise, in: folders)
            #expect(wrong.status == .fail)
            #expect(
                wrong.checks.first?.message?.contains("the Containerfile has no FROM line") == true,
                "\(wrong)")
            let unnamed = try grade(learnerFolder: nil, in: folders)
            #expect(unnamed.checks.first?.message?.contains("--learner-folder") == true, "\(unnamed)")
        }
    }
#endif
