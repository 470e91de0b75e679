import Foundation
import Synchronization

/// Makes sure a module's grader (and the exercise's reference solution, when its checks compare with
/// one) is built, on a thread of its own, while the learner's code builds.
///
/// Even an up-to-date grader costs a look at every file of the hidden tests, GraderKit, Grader and
/// BackendKit (about 30 ms on a 2-core machine); done beside the compile, on the other core, it is
/// off the path from a save to its verdict. A grader that must be built (a fresh checkout) keeps
/// both cores busy the same way.
final class GraderPreparation: Sendable {
    private let outcome = Mutex<Result<Prepared, BuildError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    struct Prepared: Sendable {
        var grader: URL
        var reference: URL?
        var starter: URL?
    }

    /// Starts at once; `onProgress` hears the builds, if they are needed.
    init(
        builder: GraderBuilder, module: Module, exercise: Exercise,
        onProgress: @escaping @Sendable (String) -> Void
    ) {
        Thread.detachNewThread { [self] in
            let result = Result { () throws(BuildError) in
                let grader = try builder.ensureBuilt(module, onProgress: onProgress)
                let companions = try builder.companions(of: exercise, onProgress: onProgress)
                return Prepared(grader: grader, reference: companions.reference, starter: companions.starter)
            }
            self.outcome.withLock { $0 = result }
            self.finished.signal()
        }
    }

    /// The grader, once it is ready.
    func grader() throws(BuildError) -> URL { try prepared().grader }

    /// The grader and the reference solution, once both are ready.
    func prepared() throws(BuildError) -> Prepared {
        finished.wait()
        finished.signal()  // whoever asks next does not wait
        guard let result = outcome.withLock({ $0 }) else {
            preconditionFailure("signalled without an outcome")
        }
        return try result.get()
    }
}
