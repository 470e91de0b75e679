// swift-tools-version:6.0
// Backendlings: learn backend development by building real mini-backends in the terminal.
//
// Layers (no upward imports):
//   launch (the `backendlings` product: builds the CLI on first use, then execs it; imports nothing)
//   backendlings (CLI, presentation; product `backendlings-cli`) → Runner (curriculum, workspace, progress, builds, watch)
//   → Grader (process control, reports) ← GraderKit (what hidden tests import)
//   BackendKit (what learner code imports) depends on nothing of ours but its C shims and StrictJSON.
// Zero package dependencies: sockets, SQLite and crypto come from the operating system.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "backendlings",
    platforms: [.macOS(.v15)],
    products: [
        // `swift run backendlings` builds the small launcher, which builds and starts the command
        // line (`backendlings-cli`): a fresh clone shows the first lesson while the tool compiles.
        .executable(name: "backendlings", targets: ["launch"]),
        .executable(name: "backendlings-cli", targets: ["backendlings"]),
        .library(name: "BackendKit", targets: ["BackendKit"]),
        .library(name: "GraderKit", targets: ["GraderKit"]),
        .executable(name: "backendkit-bench", targets: ["backendkit-bench"]),
    ],
    targets: [
        // System libraries, found with pkg-config; the providers tell SwiftPM what to suggest when missing.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // What Glibc does not export to Swift (epoll, accept4, pipe2, prctl, prlimit, ...).
        .target(name: "CSystemShims"),
        // The one strict JSON reader (RFC 8259), shared by BackendKit (request bodies) and the
        // Runner (pack.json); a leaf that depends on nothing.
        .target(name: "StrictJSON", swiftSettings: swiftSettings),

        .target(
            name: "BackendKit",
            dependencies: [
                "CSQLite", "CSystemShims", "StrictJSON",
                .target(name: "CLibCrypto", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Grader", dependencies: ["CSystemShims"], swiftSettings: swiftSettings),
        .target(
            name: "GraderKit", dependencies: ["Grader", "BackendKit", "CSystemShims"],
            swiftSettings: swiftSettings
        ),
        // BackendKit serves the learner's progress page (`progress --web`).
        .target(
            name: "Runner", dependencies: ["Grader", "StrictJSON", "BackendKit"], swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "backendlings", dependencies: ["Runner", "Grader"], swiftSettings: swiftSettings),
        // Depends on nothing, so it compiles in seconds (see Sources/launch/main.swift).
        .executableTarget(name: "launch", swiftSettings: swiftSettings),
        .executableTarget(
            name: "backendkit-bench", dependencies: ["BackendKit"], swiftSettings: swiftSettings),

        // Misbehaving "learner servers" that the grader's self-tests run against.
        .executableTarget(
            name: "grader-fixture",
            path: "Tests/Fixtures/grader-fixture",
            swiftSettings: swiftSettings
        ),
        // A compiled grader whose checks run against grader-fixture: whole runs, and killed runners.
        .executableTarget(
            name: "fixture-grader",
            dependencies: ["GraderKit"],
            path: "Tests/Fixtures/fixture-grader",
            swiftSettings: swiftSettings
        ),

        // A BackendKit "learner server" using every piece of issue 12, with known-wrong variants,
        // and the hidden tests of a fixture pack that grade it (compiled like a pack's Tests/).
        .executableTarget(
            name: "kit-fixture", dependencies: ["BackendKit"], path: "Tests/Fixtures/kit-fixture",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "kit-grader", dependencies: ["GraderKit", "BackendKit"], path: "Tests/Fixtures/kit-pack",
            swiftSettings: swiftSettings),
        // GraderKit's open-loop load generator on the command line, for Scripts/bench-load.
        .executableTarget(
            name: "load-probe", dependencies: ["GraderKit"], path: "Tests/Fixtures/load-probe",
            swiftSettings: swiftSettings),

        .testTarget(
            name: "BackendKitTests", dependencies: ["BackendKit", "StrictJSON"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GraderTests",
            dependencies: [
                "Grader", "GraderKit", "BackendKit", "grader-fixture", "fixture-grader", "backendkit-bench",
                "kit-fixture", "kit-grader",
            ],
            exclude: ["Report/Golden", "Crash/Samples"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "Grader", "BackendKit", "grader-fixture"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests", dependencies: ["backendlings", "launch", "Runner", "BackendKit"],
            exclude: ["Watch/Golden"],
            swiftSettings: swiftSettings),
    ]
)
