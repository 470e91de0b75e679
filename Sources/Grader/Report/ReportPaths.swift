import Foundation

/// File paths as a report shows them: relative to the current directory when inside it, the way a
/// learner types them (`sh workspace/.backendlings/repro/api02-crud/check-08.sh`).
enum ReportPaths {
    static func display(_ path: String, from directory: String = FileManager.default.currentDirectoryPath)
        -> String
    {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix("/"), path.hasPrefix(base), path.count > base.count else { return path }
        return String(path.dropFirst(base.count))
    }
}
