import Foundation
import StrictJSON

extension Pack {
    /// Loads and checks the pack whose `Lessons/pack.json` is below `root`.
    ///
    /// Checks, in order: the manifest exists and is readable, it is valid JSON, its `formatVersion`
    /// is one this build understands, every field has the right type and form, and every folder and
    /// file it names is on disk. The first three stop at the first problem; the disk check reports
    /// all missing paths at once so a pack author can fix them in one go. Messages name files as
    /// seen from `currentDirectory` (relative inside it, absolute elsewhere), so a pack chosen with
    /// `--pack` is never mistaken for the checkout's own.
    public static func load(from root: URL, currentDirectory: URL = FileSystem.currentDirectory)
        throws(PackError) -> Pack
    {
        let root = URL(fileURLWithPath: FileSystem.canonicalPath(root), isDirectory: true)
        let manifest = root.appendingPathComponent("Lessons/pack.json")
        guard FileSystem.isFile(manifest) else { throw .noPack(root: root.path) }
        let data: Data
        do {
            data = try FileSystem.readFile(manifest)
        } catch {
            throw .fileSystem(error)
        }
        let pack = try decode(
            manifest: data, root: root, file: FileSystem.displayPath(manifest, from: currentDirectory))
        try pack.checkDisk(shownFrom: currentDirectory)
        return pack
    }

    /// A manifest is small and hand-written: shallow nesting, no repeated member, a byte order mark
    /// from an editor forgiven.
    static let manifestOptions = StrictJSON.Options(
        maximumDepth: 64, allowsDuplicateKeys: false, skipsByteOrderMark: true, endName: "the end of the file"
    )

    /// Parses and checks manifest text without looking at the disk; `load(from:)` is what callers
    /// normally want.
    static func decode(manifest data: Data, root: URL, file: String = "Lessons/pack.json") throws(PackError)
        -> Pack
    {
        var decoder = ManifestDecoder()
        decoder.file = file
        let json: ManifestJSON
        do {
            json = try StrictJSON.parse(data, options: manifestOptions)
        } catch {
            throw .invalidJSON(
                file: decoder.file, line: error.line, column: error.column, reason: error.message)
        }
        return try decoder.decode(json, root: root)
    }
}
