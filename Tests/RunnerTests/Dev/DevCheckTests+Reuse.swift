import Foundation
import Testing

@testable import Runner

/// The dev check builds each program from its solution's objects where it can (`ProgramBuilder`):
/// these cases look at the object files themselves, since a reused object is the same file.
extension DevCheckTests {
    private static let caughtBy = "GET /hello answers 200 with Hello, world!"

    private func objects(of product: String) throws -> URL {
        DevCheckPackage(pack: try DevCheckFixture.pack(), home: DevCheckFixture.home).objectsFolder
            .appendingPathComponent("\(product)/objects")
    }

    /// The file's inode: two programs that share an object hold the same file.
    private func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    private func modified(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    @Test func aVariantThatChangesABody_compilesThatFileAlone_andARepeatedRunBuildsNothing() async throws {
        let pack = try DevCheckFixture.pack()
        // Built from nothing, as after a change to the variant (an earlier case may have built it).
        try? FileManager.default.removeItem(
            at: try objects(of: "variant-hello01-greeting--lowercase").deletingLastPathComponent())
        let first = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(first.ok)
        let solution = try objects(of: "solution-hello01-greeting")
        let variant = try objects(of: "variant-hello01-greeting--lowercase")
        #expect(
            try inode(variant.appendingPathComponent("main.swift.o"))
                == inode(solution.appendingPathComponent("main.swift.o")))
        #expect(
            try inode(variant.appendingPathComponent("Shout.swift.o"))
                == inode(solution.appendingPathComponent("Shout.swift.o")))
        #expect(
            try inode(variant.appendingPathComponent("Greeting.swift.o"))
                != inode(solution.appendingPathComponent("Greeting.swift.o")))
        let binary = DevCheckPackage(pack: pack, home: DevCheckFixture.home).binary(
            "variant-hello01-greeting--lowercase")
        let built = try modified(binary)

        let second = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(second.ok)
        #expect(try modified(binary) == built)
    }

    @Test func aVariantThatChangesADeclaration_compilesEveryFile_andIsStillGraded() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "extra-declaration",
                [
                    "Greeting.swift": """
                    /// The text GET /hello answers with.
                    func greeting() -> String {
                        shoutedGreeting
                    }

                    let shoutedGreeting = "HELLO, WORLD!"

                    """,
                    "variant.json": DevCheckFixture.description("Shouts.", caughtBy: Self.caughtBy),
                ]))
        let result = try await DevCheckFixture.check(
            pack, only: ["hello01-greeting"], onlyVariants: ["hello01-greeting/extra-declaration"])
        #expect(
            result.exercises.first?.variants.map(\.line) == [
                "hello01-greeting/extra-declaration caught by \"\(Self.caughtBy)\""
            ])
        let solution = try objects(of: "solution-hello01-greeting")
        let variant = try objects(of: "variant-hello01-greeting--extra-declaration")
        for file in ["main.swift.o", "Shout.swift.o", "Greeting.swift.o"] {
            #expect(
                try inode(variant.appendingPathComponent(file))
                    != inode(solution.appendingPathComponent(file)),
                "\(file) was reused although Greeting.swift declares something new")
        }
    }
}
