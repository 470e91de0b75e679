import Foundation

/// Rebuilds a learner's progress after an unreadable progress file was moved aside: every exercise
/// is checked again (which records it), then the current exercise becomes the first not yet done.
/// Progress is never silently reset; this is how it comes back.
public struct ProgressRebuild: Sendable {
    public let context: RunnerContext

    public init(context: RunnerContext) { self.context = context }

    /// Whether an unreadable progress file was moved aside and the rebuild has not run yet.
    public var isPending: Bool {
        FileManager.default.fileExists(atPath: context.progressStore.rebuildMarker.path)
    }

    /// Checks every exercise again, then clears the pending rebuild.
    @discardableResult
    public func run(onFinished: @escaping @Sendable (CheckOutcome) -> Void = { _ in }) throws
        -> [CheckOutcome]
    {
        let outcomes = try CheckAll(context: context).run(onFinished: onFinished)
        if let next = context.pack.exercises.first(where: { exercise in
            !outcomes.contains { $0.exercise == exercise && $0.passed }
        }) {
            _ = try context.progressStore.setCurrent(next.id)
        }
        try? FileManager.default.removeItem(at: context.progressStore.rebuildMarker)
        return outcomes
    }
}
