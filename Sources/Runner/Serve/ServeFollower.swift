import Foundation

/// Watch mode's `s`: the learner's server on a fixed port, restarted on every new build so that
/// what they try with curl is always the code they last saved.
///
/// Start, restart and stop block for as long as the server takes to start or stop; call them off
/// the main task. Every change of state is reported through `onChange`.
public final class ServeFollower: @unchecked Sendable {
    // @unchecked Sendable: `session`, `served` need `lock`; restarts are serialised by `switching`.

    /// What is served now, for the screen.
    public struct Status: Sendable, Equatable {
        public var exercise: Exercise
        public var port: Int
        /// `workspace/data/<exercise>.sqlite`.
        public var databaseFile: URL
        /// When the served binary was built (its modification time).
        public var builtAt: Date

        public init(exercise: Exercise, port: Int, databaseFile: URL, builtAt: Date) {
            self.exercise = exercise
            self.port = port
            self.databaseFile = databaseFile
            self.builtAt = builtAt
        }
    }

    private let context: RunnerContext
    private let port: Int
    private let onLine: @Sendable (String) -> Void
    private let lock = NSLock()
    private let switching = NSLock()
    private var session: ServeSession?
    private var served: Status?

    public init(context: RunnerContext, port: Int, onLine: @escaping @Sendable (String) -> Void) {
        self.context = context
        self.port = port
        self.onLine = onLine
    }

    public var status: Status? { lock.withLock { served } }

    /// Stops what runs and starts `binary` for `exercise`; the new status, or why it could not start.
    public func serve(_ exercise: Exercise, binary: URL) -> Result<Status, ServeError> {
        switching.withLock {
            stopLocked()
            do throws(ServeError) {
                let started = try ServeSession(
                    context: context, exercise: exercise, binary: binary, port: port, onLine: onLine)
                let status = Status(
                    exercise: exercise, port: port, databaseFile: started.databaseFile,
                    builtAt: FileSystem.modificationDate(of: binary) ?? Date())
                lock.withLock {
                    session = started
                    served = status
                }
                return .success(status)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Stops the server, if one runs.
    public func stop() {
        switching.withLock { stopLocked() }
    }

    private func stopLocked() {
        let running: ServeSession? = lock.withLock {
            defer {
                session = nil
                served = nil
            }
            return session
        }
        running?.stop()
    }
}
