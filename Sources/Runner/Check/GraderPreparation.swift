import Foundation
import Synchronization

/// Makes sure a module's grader is built, on a thread of its own, while the learner's code builds.
///
/// Even an up-to-date grader costs a look at every file of the hidden tests, GraderKit, Grader and
/// BackendKit (about 30 ms on a 2-core machine); done beside the compile, on the other core, it is
/// off the path from a save to its verdict. A grader that must be built (a fresh checkout) keeps
/// both cores busy the same way.
final class GraderPreparation: Sendable {
    private let outcome = Mutex<Result<URL, BuildError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts at once; `onProgress` hears the grader's build, if it needs one.
    init(builder: GraderBuilder, module: Module, onProgress: @escaping @Sendable (String) -> Void) {
        Thread.detachNewThread { [self] in
            let result = Result { () throws(BuildError) in
                try builder.ensureBuilt(module, onProgress: onProgress)
            }
            self.outcome.withLock { $0 = result }
            self.finished.signal()
        }
    }

    /// The grader, once it is ready.
    func grader() throws(BuildError) -> URL {
        finished.wait()
        finished.signal()  // whoever asks next does not wait
        guard let result = outcome.withLock({ $0 }) else {
            preconditionFailure("signalled without an outcome")
        }
        return try result.get()
    }
}
