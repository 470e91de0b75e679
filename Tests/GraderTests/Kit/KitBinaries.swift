#if os(Linux)
    import Foundation

    /// The executables the kit tests run, built next to `grader-fixture`.
    enum KitBinaries {
        static func path(_ name: String) throws -> String {
            URL(fileURLWithPath: try GraderFixture.path).deletingLastPathComponent().appendingPathComponent(
                name
            ).path
        }

        static var bench: String { get throws { try path("backendkit-bench") } }
        static var fixture: String { get throws { try path("kit-fixture") } }
        static var grader: String { get throws { try path("kit-grader") } }

        /// A temporary folder, removed by `body`'s end.
        static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try body(folder)
        }
    }
#endif
