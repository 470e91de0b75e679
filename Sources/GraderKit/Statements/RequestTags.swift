import Foundation

/// Request ids unique across every client of a grading run (`grader-1`, `grader-2`…), so a
/// request sent through any instance or front can be matched with its logged statements.
enum RequestTags {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 0  // guarded by `lock`

    static func next() -> String {
        lock.withLock {
            last += 1
            return "grader-\(last)"
        }
    }
}
