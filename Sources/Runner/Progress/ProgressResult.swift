import Foundation

/// The result of a progress operation plus, rarely, a notice the learner must see.
public struct ProgressResult<Value: Sendable>: Sendable {
    public var value: Value
    public var notice: ProgressNotice?
}
