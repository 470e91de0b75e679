// grader-fixture: misbehaving "learner servers" for the grader's self-tests.
//
// The first argument (or GRADER_FIXTURE_MODE) names the misbehaviour; each mode is described in
// `Mode`. Every serving mode follows BackendKit's startup contract (PORT, HOST, the "Listening on
// http://127.0.0.1:PORT" line), so the grader treats it exactly like a learner's server. Glibc only: no Foundation, no shims.
#if os(Linux)
    import Glibc

    signal(SIGPIPE, SIG_IGN)
    let arguments = CommandLine.arguments
    let named = arguments.count > 1 ? arguments[1] : getenv(Mode.variable).map { String(cString: $0) }
    guard let named, let mode = Mode(rawValue: named) else {
        let names = Mode.allCases.map(\.rawValue).joined(separator: ", ")
        writeLine("usage: grader-fixture MODE   (one of: \(names))", to: 2)
        exit(64)
    }
    if mode == .throwAtStart { try migrate() }
    mode.run()
#else
    print("grader-fixture runs on Linux only: it exercises Linux process control.")
#endif
