import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the launcher does for one invocation: build the tool when it is missing or older than its
/// sources (showing the first lesson on a learner's first run), then become it.
struct Launch {
    var arguments: [String]
    var environment: [String: String]

    func run() -> Int32 {
        guard let paths = LaunchPaths.current() else {
            return fail(LaunchText.noCheckout)
        }
        if !ToolFreshness.isFresh(tool: paths.tool, home: paths.home) {
            let language = LaunchText.language(environment: environment)
            let screen = FirstRunScreen.ifFirstRun(
                arguments: Array(arguments.dropFirst()), environment: environment, home: paths.home,
                language: language)
            let build = ToolBuild(paths: paths, environment: environment)
            switch build.run(screen: screen, language: language) {
            case .built: ToolFreshness.markBuilt(paths.tool)
            case .failed(let diagnostics):
                return fail(LaunchText.buildFailed(diagnostics, language: language))
            case .couldNotRun(let message): return fail(message)
            case .timedOut:
                return fail(
                    LaunchText.buildTimedOut(minutes: Int(ToolBuild.timeLimit / 60), language: language))
            }
        }
        return become(paths.tool)
    }

    /// Replaces this process with the tool, with the same arguments and environment.
    private func become(_ tool: URL) -> Int32 {
        var words = arguments.map { strdup($0) }
        if words.isEmpty { words = [strdup("backendlings")] }
        words.append(nil)
        execv(tool.path, words)
        let reason = String(cString: strerror(errno))
        return fail(LaunchText.couldNotStart(tool.path, reason: reason))
    }

    private func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return 1
    }
}
