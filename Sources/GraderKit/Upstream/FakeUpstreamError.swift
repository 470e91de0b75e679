/// A fake upstream scripted in a way it cannot follow; thrown where the script is written, so the
/// test author sees it before any learner does.
public struct FakeUpstreamError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(upstream: String, _ problem: String) {
        description = "fake upstream \"\(upstream)\": \(problem)"
    }
}
