// swift-tools-version:6.0
// Backendlings: learn backend development by building real mini-backends in the terminal.
//
// Layers (no upward imports):
//   backendlings (CLI, presentation) → Runner (curriculum, workspace, progress, builds, watch)
//   → Grader (process control, reports) ← GraderKit (what hidden tests import)
//   BackendKit (what learner code imports) depends on nothing of ours but its C shims.
// Zero package dependencies: sockets, SQLite and crypto come from the operating system.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "backendlings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "backendlings", targets: ["backendlings"]),
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
        // What Glibc does not export to Swift (epoll, eventfd, accept4, pipe2, prctl, prlimit, ...).
        .target(name: "CSystemShims"),

        .target(
            name: "BackendKit",
            dependencies: [
                "CSQLite", "CSystemShims",
                .target(name: "CLibCrypto", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Grader", dependencies: ["CSystemShims"], swiftSettings: swiftSettings),
        .target(
            name: "GraderKit", dependencies: ["Grader", "BackendKit", "CSQLite"], swiftSettings: swiftSettings
        ),
        .target(name: "Runner", dependencies: ["Grader"], swiftSettings: swiftSettings),
        .executableTarget(name: "backendlings", dependencies: ["Runner"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "backendkit-bench", dependencies: ["BackendKit"], swiftSettings: swiftSettings),

        // Misbehaving "learner servers" that the grader's self-tests run against.
        .executableTarget(
            name: "grader-fixture",
            path: "Tests/Fixtures/grader-fixture",
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "BackendKitTests", dependencies: ["BackendKit"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GraderTests",
            dependencies: ["Grader", "GraderKit", "BackendKit", "grader-fixture", "backendkit-bench"],
            exclude: ["Report/Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "Grader", "backendlings"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests", dependencies: ["backendlings", "Runner"], exclude: ["Watch/Golden"],
            swiftSettings: swiftSettings),
    ]
)
