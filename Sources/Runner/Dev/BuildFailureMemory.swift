import Foundation

/// The variants and mutants of the dev check's package that did not compile, each with a
/// fingerprint of its files and of BackendKit and the compiler's errors, kept in the package's
/// folder.
///
/// SwiftPM stops at the first target that fails, so every broken program costs one more build
/// round; remembering them lets the next run leave the same broken programs out at once, and a
/// second `dev mutants` or `dev check` with nothing changed builds nothing.
struct BuildFailureMemory {
    let package: DevCheckPackage
    private var entries: [String: Entry]
    /// Fingerprint of what every program compiles against.
    private let libraries: String

    struct Entry: Codable, Equatable {
        var key: String
        var errors: String
    }

    init(package: DevCheckPackage) {
        self.package = package
        entries =
            (try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: Self.file(of: package))))
            ?? [:]
        var libraries = Fingerprint()
        for library in ["BackendKit", "CSystemShims", "CSQLite", "CLibCrypto"] {
            libraries.addTree(package.home.appendingPathComponent("Sources/\(library)"))
        }
        self.libraries = libraries.description
    }

    private static func file(of package: DevCheckPackage) -> URL {
        package.folder.appendingPathComponent("known-failures.json")
    }

    private func key(of program: DevCheckPackage.Program) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(libraries)
        for (path, data) in program.files.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add([0])
            fingerprint.add(data)
            fingerprint.add([0])
        }
        return fingerprint.description
    }

    /// The errors of the last build of exactly this program, when it did not compile.
    func knownFailure(_ program: DevCheckPackage.Program) -> String? {
        guard let entry = entries[program.product], entry.key == key(of: program) else { return nil }
        return entry.errors
    }

    /// Records what this run learnt about `programs` and saves it.
    mutating func update(_ programs: [DevCheckPackage.Program], failures: [String: String]) {
        let before = entries
        for program in programs {
            if let errors = failures[program.product] {
                entries[program.product] = Entry(key: key(of: program), errors: errors)
            } else {
                entries[program.product] = nil
            }
        }
        guard entries != before, let data = try? JSONEncoder().encode(entries) else { return }
        try? FileSystem.writeAtomically(data, to: Self.file(of: package))
    }
}
