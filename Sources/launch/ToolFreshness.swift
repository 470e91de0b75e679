import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the built tool is newer than every file it is built from, as `make` decides: a `git
/// pull` or an edit under `Sources/` makes it stale, and the launcher builds it before starting it.
///
/// It walks `Sources/` with `readdir`/`lstat` (a few hundred files in about 2 ms): this runs before
/// every command, so it must cost next to nothing. The Runner's `Fingerprint` walks trees the same
/// way, but the launcher imports nothing of ours (that is what makes it compile in seconds).
enum ToolFreshness {
    static func isFresh(tool: URL, home: URL) -> Bool {
        guard let built = modificationTime(tool.path) else { return false }
        let manifest = modificationTime(home.appendingPathComponent("Package.swift").path) ?? .infinity
        return manifest <= built && newest(below: home.appendingPathComponent("Sources").path) <= built
    }

    /// After a build: SwiftPM does not relink a tool none of whose inputs changed (a change in a
    /// library it does not use), so the tool is touched to stay newer than the sources.
    static func markBuilt(_ tool: URL) {
        _ = utimes(tool.path, nil)
    }

    /// The newest modification time of any file below `path` (0 when it holds none).
    static func newest(below path: String) -> Double {
        guard let directory = opendir(path) else { return 0 }
        defer { closedir(directory) }
        var newest = 0.0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            // A folder's own time counts too: it changes when a file in it is deleted or renamed.
            newest = max(newest, seconds(of: info))
            if (info.st_mode & S_IFMT) == S_IFDIR { newest = max(newest, Self.newest(below: child)) }
        }
        return newest
    }

    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return seconds(of: info)
    }

    private static func seconds(of info: stat) -> Double {
        #if os(Linux)
            Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #else
            Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #endif
    }
}
