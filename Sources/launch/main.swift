// The `backendlings` command that `swift run backendlings` builds: a small launcher in front of the
// real command line (`backendlings-cli`). It compiles in a few seconds, so on a fresh clone the
// learner reads their first exercise while the tool builds itself, instead of watching ~30 s of
// compiler output. Once the tool is built and newer than its sources, the launcher only `exec`s it.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(Launch(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment).run())
