import Foundation

@testable import Runner

/// A three-step module whose starters are overlays, written on disk by the tests:
///
/// - step 1 (`s01-first`) holds the whole starter: `main.swift`, `Models.swift` (given) and
///   `Store.swift` (the learner's file);
/// - step 2 (`s02-second`) adds the learner's `Search.swift` and changes nothing given;
/// - step 3 (`s03-third`) makes the learner edit `Store.swift` again, changes `main.swift` with a
///   patch and removes `Search.swift`.
struct OverlayPack {
    var root: URL

    static let manifest = """
        {
          "formatVersion": 1,
          "name": "Overlays",
          "modules": [
            {
              "id": "shop",
              "title": "Shop",
              "path": "01-shop",
              "starters": "overlays",
              "exercises": [
                {"id": "s01-first", "title": "First", "path": "01-first", "files": ["Store.swift"], "hints": ["a", "b"]},
                {"id": "s02-second", "title": "Second", "path": "02-second", "files": ["Search.swift"], "hints": ["a", "b"]},
                {"id": "s03-third", "title": "Third", "path": "03-third", "files": ["Store.swift"],
                 "removes": ["Search.swift"], "hints": ["a", "b"]}
              ]
            }
          ]
        }

        """

    @discardableResult
    static func create(at root: URL, manifest: String = manifest) throws -> OverlayPack {
        let pack = OverlayPack(root: root)
        try writeFixture(manifest, to: root.appendingPathComponent("Lessons/pack.json"))
        try pack.write("Lessons/01-shop/README.md", "# Shop\n")
        try pack.write("Lessons/01-shop/Tests/main.swift", "// hidden tests\n")
        for step in ["01-first", "02-second", "03-third"] {
            try pack.write("Lessons/01-shop/\(step)/README.md", "# \(step)\n")
        }
        try pack.write("Lessons/01-shop/01-first/Starter/main.swift", "print(\"shop\")\n")
        try pack.write("Lessons/01-shop/01-first/Starter/Models.swift", "struct Item {}\n")
        try pack.write("Lessons/01-shop/01-first/Starter/Store.swift", "// TODO(learner): store items\n")
        try pack.write("Solutions/01-shop/01-first/Store.swift", "struct Store {}\n")
        try pack.write("Lessons/01-shop/02-second/Starter/Search.swift", "// TODO(learner): search\n")
        try pack.write("Solutions/01-shop/02-second/Search.swift", "struct Search {}\n")
        try pack.write("Lessons/01-shop/03-third/Starter/Store.swift", "// TODO(learner): store, faster\n")
        try pack.write(
            "Lessons/01-shop/03-third/Starter/main.swift.patch",
            "--- a/main.swift\n+++ b/main.swift\n@@ -1,1 +1,1 @@\n-print(\"shop\")\n+print(\"shop, v3\")\n")
        try pack.write("Solutions/01-shop/03-third/Store.swift", "struct FastStore {}\n")
        return pack
    }

    func write(_ path: String, _ text: String) throws {
        try writeFixture(text, to: root.appendingPathComponent(path))
    }

    func load() throws -> Pack { try Pack.load(from: root) }
}

extension Dictionary where Key == String, Value == Data {
    /// The files as text, for comparisons that read well in a failure.
    var texts: [String: String] { mapValues { String(decoding: $0, as: UTF8.self) } }
}
