import Foundation

/// The environment a child process starts with.
///
/// Always explicit: the caller either names every variable or starts from the grader's own
/// environment and overrides some. `ChildProcess` adds `BACKENDLINGS_RUN_ID` on top of either.
public struct ChildEnvironment: Sendable, Equatable {
    private var inherits: Bool
    private var overrides: [String: String]
    private var removals: Set<String>

    /// The grader's own environment, with `adding` set on top and `removing` taken out.
    public static func inherit(adding: [String: String] = [:], removing: Set<String> = []) -> Self {
        ChildEnvironment(inherits: true, overrides: adding, removals: removing)
    }

    /// Exactly these variables and nothing else (not even `PATH`).
    public static func exactly(_ variables: [String: String]) -> Self {
        ChildEnvironment(inherits: false, overrides: variables, removals: [])
    }

    /// A copy with `variables` set on top (later values win).
    public func adding(_ variables: [String: String]) -> Self {
        var copy = self
        copy.overrides.merge(variables) { _, new in new }
        for name in variables.keys { copy.removals.remove(name) }
        return copy
    }

    /// The final variables, given the grader's environment.
    func resolved(parent: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var result = inherits ? parent : [:]
        for name in removals { result[name] = nil }
        result.merge(overrides) { _, new in new }
        return result
    }
}
