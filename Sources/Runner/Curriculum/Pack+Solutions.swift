import Foundation

extension Pack {
    /// `Solutions/<module path>/<exercise path>/<file>` for each of the exercise's `files`, in order.
    public func solutionFiles(of exercise: Exercise) -> [URL] {
        exercise.files.map { solutionFolder(of: exercise).appendingPathComponent($0) }
    }
}
