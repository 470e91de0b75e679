extension Pack {
    /// The exercise with exactly this id, or nil. For what a learner typed use `findExercise(_:)`.
    public func exercise(id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }

    /// The module with exactly this id, or nil.
    public func module(id: String) -> Module? {
        modules.first { $0.id == id }
    }

    /// The module an exercise belongs to.
    public func module(of exercise: Exercise) -> Module? {
        module(id: exercise.moduleID)
    }

    /// The exercise's position in `exercises` (0-based), or nil when it is not in this pack.
    public func index(of exercise: Exercise) -> Int? {
        exercises.firstIndex { $0.id == exercise.id }
    }

    /// The exercise after this one across module boundaries, or nil after the last.
    public func exercise(after exercise: Exercise) -> Exercise? {
        let all = exercises
        guard let index = all.firstIndex(where: { $0.id == exercise.id }), index + 1 < all.count else {
            return nil
        }
        return all[index + 1]
    }

    /// The exercise before this one across module boundaries, or nil before the first.
    public func exercise(before exercise: Exercise) -> Exercise? {
        let all = exercises
        guard let index = all.firstIndex(where: { $0.id == exercise.id }), index > 0 else { return nil }
        return all[index - 1]
    }
}
