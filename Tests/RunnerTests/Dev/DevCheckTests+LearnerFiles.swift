import Foundation
import Testing

@testable import Runner

/// A learner file that is not Swift (`Containerfile`): the dev check assembles it into each
/// program, never hands it to the compiler, and grades each program with its own folder, so a
/// variant that differs from the solution only there is caught. Part of `DevCheckTests`, so these
/// cases share its serialized fixture.
extension DevCheckTests {
    @Test func aVariantThatChangesOnlyANonSwiftLearnerFile_isGradedWithItsOwnFile_andCaught() async throws {
        let pack = try DevCheckFixture.pack(DevCheckFixture.release)
        let result = try await DevCheckFixture.check(pack, only: ["hello03-release"])
        let release = try #require(result.exercises.first { $0.id == "hello03-release" })
        #expect(release.problems == [], "\(release.problems)")
        #expect(release.starter == "fail")
        #expect(release.solution == "pass")
        #expect(
            release.variants.map(\.line).sorted() == [
                "hello03-release/latest caught by \"\(DevCheckFixture.pinnedCheck)\"",
                "hello03-release/root caught by \"\(DevCheckFixture.userCheck)\"",
            ])
        #expect(result.ok, "\(result.problems) \(release.variants.map(\.line))")
        // The programs' folders hold each one's own Containerfile; their binaries are one program.
        let package = DevCheckPackage(pack: pack, home: DevCheckFixture.home)
        let root = package.programsFolder.appendingPathComponent(
            "variant-hello03-release--root/Containerfile")
        #expect(
            try String(contentsOf: root, encoding: .utf8) == "FROM swift:6.0-noble\nCMD [\"/app/server\"]\n")
    }
}
