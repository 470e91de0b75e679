import Foundation

/// The current value of each label combination of a counter or gauge, safe to update from every
/// event loop at once.
final class LabelledValues: @unchecked Sendable {
    // @unchecked Sendable: `values` and `problems` are guarded by `lock`.
    let schema: LabelSchema
    private let lock = NSLock()  // guards `values` and `problems`
    private var values: [[String]: Double] = [:]
    private var problems: [String] = []

    init(schema: LabelSchema) {
        self.schema = schema
        if schema.names.isEmpty { values[[]] = 0 }  // an unlabelled metric is exposed from the start
    }

    func update(_ labels: [String], _ change: (inout Double) -> Void) {
        if let problem = schema.problem(with: labels) {
            lock.withLock { if !problems.contains(problem) { problems.append(problem) } }
            return
        }
        lock.withLock { change(&values[labels, default: 0]) }
    }

    func value(_ labels: [String]) -> Double {
        lock.withLock { values[labels] ?? 0 }
    }

    /// Sample lines sorted by label values, so the exposition is stable; problems as comments.
    func render(into text: inout String) {
        let (snapshot, found) = lock.withLock { (values, problems) }
        for problem in found { text += "# backendkit: \(problem)\n" }
        for labels in snapshot.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            text += PrometheusText.series(schema.metric, labels: schema.names, values: labels)
            text += " \(PrometheusText.number(snapshot[labels]!))\n"
        }
    }
}
