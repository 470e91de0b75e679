import Foundation
import Grader

/// What a test context owns besides the learner's main server: the controlled clock's offset
/// file, the statement log, extra instances, round-robin fronts, fake upstreams and the reference
/// server. Everything here is stopped by `tearDown`, so a check can start things and forget them.
final class ContextResources: @unchecked Sendable {
    // @unchecked Sendable: every `var` is guarded by `lock` (its users take it).
    let lock = NSLock()  // guards every `var` below
    /// The offset file every server is started with (`BACKENDKIT_CLOCK_OFFSET_FILE`).
    let clockFile: URL
    /// Where servers write the statement log once a check enabled it.
    let statementLogFile: URL
    let reference: ReferenceServer?
    let starter: ReferenceServer?
    let workDirectory: URL

    var clockOffset: Duration = .zero
    /// How often the clock was moved, so the runner can tell which check moved it.
    var clockMoves = 0
    var statementLogEnabled = false
    var instances: [ServerInstance] = []
    var fronts: [RoundRobinFront] = []
    var upstreams: [FakeUpstream] = []
    /// Kept until the checks end: a check that drops its handle (`_ = try t.fakeMail()`) still has
    /// a mail service that accepts mail (its upstream only holds it weakly, to avoid a cycle).
    var mailServices: [FakeMailService] = []
    var referenceInstance: LearnerServer?
    var starterInstance: LearnerServer?

    init(workDirectory: URL, reference: ReferenceServer?, starter: ReferenceServer? = nil) {
        self.workDirectory = workDirectory
        self.clockFile = workDirectory.appendingPathComponent("clock-offset")
        self.statementLogFile = workDirectory.appendingPathComponent("statements.jsonl")
        self.reference = reference
        self.starter = starter
    }

    /// The variables every server of the run gets on top of the check's own.
    var environment: [String: String] {
        lock.withLock {
            var variables = [ControlledClock.environmentVariable: clockFile.path]
            if statementLogEnabled {
                variables[StatementLogReader.environmentVariable] = statementLogFile.path
            }
            return variables
        }
    }

    func tearDown() {
        let (instances, fronts, upstreams, companions) = lock.withLock {
            defer {
                self.instances = []
                self.fronts = []
                self.upstreams = []
                mailServices = []
                referenceInstance = nil
                starterInstance = nil
            }
            return (self.instances, self.fronts, self.upstreams, [referenceInstance, starterInstance])
        }
        for front in fronts { front.stop() }
        for instance in instances { instance.server.stop(grace: .seconds(2)) }
        for companion in companions { companion?.stop(grace: .seconds(2)) }
        for upstream in upstreams { upstream.stop() }
    }
}
