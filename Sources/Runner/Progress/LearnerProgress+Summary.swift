import Foundation

/// How far a learner is through one module.
public struct ModuleSummary: Sendable, Equatable {
    public var module: Module
    /// Exercises that passed once (``broken`` ones included).
    public var done: Int
    /// Of `done`, those whose latest check fails.
    public var broken: Int = 0
    public var total: Int
}

extension LearnerProgress {
    /// Done/total per module, in pack order. Entries for ids the pack no longer has do not count.
    public func summary(for pack: Pack) -> [ModuleSummary] {
        pack.modules.map { module in
            ModuleSummary(
                module: module, done: module.exercises.filter { isDone($0.id) }.count,
                broken: module.exercises.filter { state(of: $0.id).standing == .broken }.count,
                total: module.exercises.count)
        }
    }

    /// Exercises of the pack that passed once (broken ones included).
    public func doneCount(in pack: Pack) -> Int {
        pack.exercises.filter { isDone($0.id) }.count
    }

    /// Exercises of the pack that passed once but whose latest check fails.
    public func brokenCount(in pack: Pack) -> Int {
        pack.exercises.filter { state(of: $0.id).standing == .broken }.count
    }

    /// Every hint revealed so far, over all exercises (removed ones included: they were still used).
    public var hintsUsed: Int {
        exercises.values.reduce(0) { $0 + $1.hintsShown }
    }

    /// Time since the learner started, never negative (a clock set back counts as no time).
    public func elapsed(at now: Date) -> TimeInterval {
        max(0, now.timeIntervalSince(startedAt))
    }
}
