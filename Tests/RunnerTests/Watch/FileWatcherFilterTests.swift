import Testing

@testable import Runner

@Suite struct FileWatcherFilterTests {
    let filter = FileWatcherFilter()

    @Test(arguments: ["Store.swift", "Package.swift", "pack.json", "schema.sql", "a.b.swift"])
    func sourceFiles_areRelevant(name: String) {
        #expect(filter.isRelevant(fileNamed: name))
    }

    @Test(arguments: [
        ".Store.swift.swp", "Store.swift.swp", "Store.swift.swx", "4913", "Store.swift~", ".#Store.swift",
        "Store.swift.tmp", ".hidden.swift", "README.md", "Makefile", "swift", ".swift",
    ])
    func droppingsHiddenAndOtherFiles_areNotRelevant(name: String) {
        #expect(!filter.isRelevant(fileNamed: name))
    }

    @Test func buildToolAndHiddenFolders_areNotWatched() {
        for name in [".build", ".swiftpm", ".backendlings", ".git"] {
            #expect(!filter.watchesDirectory(named: name))
        }
        #expect(filter.watchesDirectory(named: "01-databases"))
    }
}

@Suite struct FileWatcherLearnerFileNameTests {
    let filter = FileWatcherFilter(relevantFileNames: ["Containerfile", "RUNBOOK.md"])

    @Test func theLearnerFilesOfThePack_areRelevant_whateverTheirExtension() {
        #expect(filter.isRelevant(fileNamed: "Containerfile"))
        #expect(filter.isRelevant(fileNamed: "RUNBOOK.md"))
        #expect(filter.isRelevant(fileNamed: "Store.swift"))
    }

    @Test(arguments: [
        ".Containerfile.swp", "Containerfile.swp", "Containerfile~", ".#Containerfile", "README.md",
    ])
    func editorDroppingsOfThem_andOtherFiles_areStillNotRelevant(name: String) {
        #expect(!filter.isRelevant(fileNamed: name))
    }
}
