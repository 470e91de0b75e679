import Foundation
import Testing

@testable import Runner

/// `"kind"` of a module in pack.json: read where it is written, `build` where it is not, and written
/// back by the manifest writer only when it is not the default, so existing packs keep their bytes.
/// A wrong value is among `ManifestErrorTests.cases`.
struct ModuleKindTests {
    private static let debuggingAuth = ManifestErrorTests.base.replacingOccurrences(
        of: #""path": "02-auth","#, with: #""path": "02-auth", "kind": "debugging","#)

    private func decode(_ text: String) throws(PackError) -> Pack {
        try Pack.decode(manifest: Data(text.utf8), root: URL(fileURLWithPath: "/pack"))
    }

    @Test func aModuleWithoutAKind_isABuildModule() throws {
        #expect(try decode(ManifestErrorTests.base).modules.map(\.kind) == [.build, .build])
    }

    @Test func kindDebugging_isReadForTheModuleThatSaysIt() throws {
        #expect(Self.debuggingAuth != ManifestErrorTests.base)
        #expect(try decode(Self.debuggingAuth).modules.map(\.kind) == [.build, .debugging])
    }

    @Test func kindBuild_writtenOut_isTheDefault() throws {
        let text = ManifestErrorTests.base.replacingOccurrences(
            of: #""path": "02-auth","#, with: #""path": "02-auth", "kind": "build","#)
        #expect(try decode(text).modules.map(\.kind) == [.build, .build])
    }

    @Test func theManifestWriter_writesKindOnlyForADebuggingModule_andReadsBackTheSameKinds() throws {
        let rendered = ManifestWriter.render(try decode(Self.debuggingAuth))
        #expect(rendered.components(separatedBy: "\"kind\"").count == 2)
        #expect(rendered.contains("      \"path\": \"02-auth\",\n      \"kind\": \"debugging\",\n"))
        #expect(try decode(rendered).modules.map(\.kind) == [.build, .debugging])
        #expect(ManifestWriter.render(try decode(rendered)) == rendered)

        let plain = ManifestWriter.render(try decode(ManifestErrorTests.base))
        #expect(!plain.contains("\"kind\""))
    }
}
