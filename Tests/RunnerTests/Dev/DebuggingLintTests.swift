import Foundation
import Grader
import Testing

@testable import Runner

/// The dev check's rules for a debugging module, judged without building anything: the starter's
/// files on disk, the variants' folders, and check lists as a grading run reports them.
@Suite struct DebuggingLintTests {
    private static let variantName = DebuggingLint.deletesTheFeature
    private static let listsBooks = "GET /books lists every book"
    private static let findsTheBug = "GET /books?author= finds books by their author"

    /// The fixture pack with its databases module (db01-schema, db02-queries) made a debugging
    /// module; auth stays a build module.
    @discardableResult
    private func debuggingFixture(at dir: URL) throws -> FixturePack {
        let fixture = try FixturePack.create(at: dir)
        let manifest = fixture.manifest.replacingOccurrences(
            of: "\"path\": \"01-databases\",", with: "\"path\": \"01-databases\",\n  \"kind\": \"debugging\","
        )
        #expect(manifest != fixture.manifest)
        try writeFixture(manifest, to: dir.appendingPathComponent("Lessons/pack.json"))
        return fixture
    }

    private func markerProblems(_ id: String, in pack: Pack) throws -> [String] {
        PackLint(pack: pack).problems(of: try pack.findExercise(id)).filter { $0.contains("TODO(learner)") }
    }

    /// In memory, with the databases module a debugging module.
    private func debuggingPack() -> Pack {
        var pack = FixturePack.inMemory()
        pack.modules[0].kind = .debugging
        return pack
    }

    private func check(_ name: String, isGuard: Bool) -> CheckResult {
        var result = CheckResult(name: name, status: .pass)
        result.isGuard = isGuard ? true : nil
        return result
    }

    private func deletesTheFeature(of exercise: Exercise, caughtBy: String) -> Variant {
        Variant(
            exercise: exercise, name: Self.variantName, description: "The route is gone.", caughtBy: caughtBy,
            files: ["BookStore.swift": Data()], adds: [])
    }

    @Test func aDebuggingStarterWithATodoMarker_isReported_andOneWithoutIsFine() throws {
        try withTemporaryDirectory { dir in
            try debuggingFixture(at: dir)
            let pack = try Pack.load(from: dir)
            #expect(
                try markerProblems("db01-schema", in: pack) == [
                    "Lessons/01-databases/01-schema/Starter/BookStore.swift has a \"TODO(learner)\" marker, but module \"databases\" is a debugging module: the marker points at the planted bug, which the learner must find. Remove it."
                ])
            try writeFixture(
                "// The books table.\n",
                to: dir.appendingPathComponent("Lessons/01-databases/01-schema/Starter/BookStore.swift"))
            #expect(try markerProblems("db01-schema", in: pack) == [])
        }
    }

    @Test func aBuildStarterWithoutATodoMarker_isStillReported() throws {
        try withTemporaryDirectory { dir in
            try debuggingFixture(at: dir)
            let pack = try Pack.load(from: dir)
            #expect(try markerProblems("auth01-passwords", in: pack) == [])
            try writeFixture(
                "// Passwords.\n",
                to: dir.appendingPathComponent("Lessons/02-auth/01-passwords/Starter/Passwords.swift"))
            #expect(
                try markerProblems("auth01-passwords", in: pack) == [
                    "Lessons/02-auth/01-passwords/Starter/Passwords.swift has no \"TODO(learner)\" marker telling the learner what to write."
                ])
        }
    }

    @Test func aDebuggingExerciseWithoutTheVariantThatDeletesTheFeature_isReported_andOneWithItIsFine()
        throws
    {
        try withTemporaryDirectory { dir in
            try debuggingFixture(at: dir)
            let pack = try Pack.load(from: dir)
            let lint = DebuggingLint(pack: pack)
            #expect(
                lint.problems(of: try pack.findExercise("db01-schema")) == [
                    "Exercise \"db01-schema\" is in a debugging module but has no variant that deletes the feature: add Solutions/01-databases/01-schema/Variants/deletes-the-feature with a variant.json, the feature removed, caught by a guard check, to prove that deleting the feature is not a fix."
                ])
            #expect(lint.problems(of: try pack.findExercise("auth01-passwords")) == [])
            try writeFixture(
                #"{"description": "The table is gone.", "caughtBy": "\#(Self.listsBooks)"}"#,
                to: dir.appendingPathComponent(
                    "Solutions/01-databases/01-schema/Variants/deletes-the-feature/variant.json"))
            #expect(lint.problems(of: try pack.findExercise("db01-schema")) == [])
        }
    }

    @Test func aDebuggingExerciseWithoutAGuardCheck_isReported_andOneWithAGuardIsFine() throws {
        let pack = debuggingPack()
        let exercise = try pack.findExercise("db01-schema")
        let lint = DebuggingLint(pack: pack)
        #expect(
            lint.problems(
                of: exercise,
                checks: [check(Self.listsBooks, isGuard: false), check(Self.findsTheBug, isGuard: false)],
                variants: []) == [
                    "Exercise \"db01-schema\" is in a debugging module but has no guard check: mark the checks that guard the rest of the app with `.asGuard()`, so that deleting the feature is not a fix."
                ])
        #expect(
            lint.problems(
                of: exercise,
                checks: [check(Self.listsBooks, isGuard: true), check(Self.findsTheBug, isGuard: false)],
                variants: []) == [])
    }

    @Test
    func theVariantThatDeletesTheFeature_caughtByACheckThatIsNoGuard_isReported_andCaughtByAGuardIsFine()
        throws
    {
        let pack = debuggingPack()
        let exercise = try pack.findExercise("db01-schema")
        let lint = DebuggingLint(pack: pack)
        let checks = [check(Self.listsBooks, isGuard: true), check(Self.findsTheBug, isGuard: false)]
        #expect(
            lint.problems(
                of: exercise, checks: checks,
                variants: [deletesTheFeature(of: exercise, caughtBy: Self.findsTheBug)])
                == [
                    "db01-schema/deletes-the-feature: caughtBy in Solutions/01-databases/01-schema/Variants/deletes-the-feature/variant.json names \"GET /books?author= finds books by their author\", which is not a guard check; deleting the feature must be caught by a guard (a check marked `.asGuard()` that already passes on the starter), or the checks would accept it as a fix."
                ])
        #expect(
            lint.problems(
                of: exercise, checks: checks,
                variants: [deletesTheFeature(of: exercise, caughtBy: Self.listsBooks)])
                == [])
        // A name that is no check at all is the variant verdict's to report, not this rule's.
        #expect(
            lint.problems(
                of: exercise, checks: checks,
                variants: [deletesTheFeature(of: exercise, caughtBy: "no such check")])
                == [])
    }

    @Test func aBuildModule_needsNoGuardNorVariantThatDeletesTheFeature() throws {
        let pack = FixturePack.inMemory()
        let exercise = try pack.findExercise("db01-schema")
        let lint = DebuggingLint(pack: pack)
        #expect(lint.problems(of: exercise) == [])
        #expect(
            lint.problems(
                of: exercise, checks: [check(Self.listsBooks, isGuard: false)],
                variants: [deletesTheFeature(of: exercise, caughtBy: Self.listsBooks)]) == [])
    }
}
