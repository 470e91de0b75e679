import Foundation
import Testing

@testable import Runner

struct DirectBuildPlanTests {
    /// The shape of SwiftPM's `.build/debug.yaml`, reduced to what the plan reads.
    static let manifest = #"""
        client:
          name: basic
        commands:
          "/ws/.build/x86_64-unknown-linux-gnu/debug/db01_schema.build/db01_schema.swiftmodule.o":
            tool: shell
            args: ["/opt/swift/usr/bin/swiftc","-modulewrap","/ws/.build/x86_64-unknown-linux-gnu/debug/Modules/db01_schema.swiftmodule","-o","x.o"]
          "C.db01-schema-x86_64-unknown-linux-gnu-debug.exe":
            tool: shell
            args: ["/opt/swift/usr/bin/swiftc","-o","/ws/.build/debug/db01-schema","-emit-executable"]
          "C.db01-schema-x86_64-unknown-linux-gnu-debug.module":
            tool: shell
            args: ["/opt/swift/usr/bin/swiftc","-module-name","db01_schema","-parseable-output","-c"]
          "C.db02-other-x86_64-unknown-linux-gnu-debug.module":
            tool: shell
            args: ["/opt/swift/usr/bin/swiftc","-module-name","db02_other"]
        """#

    @Test func plan_isTheModuleCompileThenTheLink_withoutParseableOutput() throws {
        let plan = try #require(
            DirectBuildPlan.read(manifest: Self.manifest, product: "db01-schema", structure: "s"))
        #expect(
            plan.commands == [
                ["/opt/swift/usr/bin/swiftc", "-module-name", "db01_schema", "-c"],
                ["/opt/swift/usr/bin/swiftc", "-o", "/ws/.build/debug/db01-schema", "-emit-executable"],
            ])
        #expect(plan.structure == "s")
    }

    @Test func productWithoutALinkCommand_hasNoPlan() {
        #expect(DirectBuildPlan.read(manifest: Self.manifest, product: "db02-other", structure: "s") == nil)
    }
}
