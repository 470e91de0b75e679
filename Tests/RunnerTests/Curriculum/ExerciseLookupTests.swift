import Foundation
import Testing

@testable import Runner

/// What a learner types finds the exercise they mean, or says what they probably meant.
struct ExerciseLookupTests {
    let pack = FixturePack.inMemory()

    @Test(arguments: [
        ("db01-schema", "db01-schema"),
        ("DB01-Schema", "db01-schema"),
        ("db01", "db01-schema"),
        ("auth", "auth01-passwords"),
        ("01-databases/02-queries", "db02-queries"),
        ("./01-databases/02-queries/", "db02-queries"),
        ("workspace/02-auth/01-passwords", "auth01-passwords"),
        ("  db02-queries ", "db02-queries"),
    ])
    func input_findsExercise(_ input: String, _ expected: String) throws {
        #expect(try pack.findExercise(input).id == expected)
    }

    @Test func typo_suggestsTheClosestId() throws {
        let error = try #require(throws: ExerciseLookupError.self) { try pack.findExercise("db01-shema") }
        #expect(error.description == "No exercise \"db01-shema\". Did you mean \"db01-schema\"?")
    }

    @Test func swappedLetters_countAsOneEdit() throws {
        #expect(Suggestions.distance("db01-shcema", "db01-schema") == 1)
        #expect(Suggestions.distance("ca", "abc") == 2)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }

    @Test func aMistypedCommand_suggestsTheClosestPlausibleOne() {
        let commands = ["list", "check", "check-all", "watch", "hint", "serve", "progress", "reset"]
        #expect(Suggestions.likelyTypo(of: "lsit", among: commands) == "list")
        #expect(Suggestions.likelyTypo(of: "chekc", among: commands) == "check")
        #expect(Suggestions.likelyTypo(of: "chek-all", among: commands) == "check-all")
        #expect(Suggestions.likelyTypo(of: "prog", among: commands) == "progress")
        #expect(Suggestions.likelyTypo(of: "srve", among: commands) == "serve")
        #expect(Suggestions.likelyTypo(of: "--jsno", among: ["--json", "--junit"]) == "--json")
        #expect(Suggestions.likelyTypo(of: "frobnicate", among: commands) == nil)
        #expect(Suggestions.likelyTypo(of: "xy", among: commands) == nil)
        #expect(Suggestions.likelyTypo(of: "lots", among: commands) == nil)
    }

    @Test func ambiguousPrefix_listsTheCandidates() throws {
        let error = try #require(throws: ExerciseLookupError.self) { try pack.findExercise("db0") }
        #expect(
            error.description
                == "\"db0\" is the start of more than one exercise: db01-schema, db02-queries. Type more of the id."
        )
    }

    @Test func nothingClose_pointsToTheList() throws {
        let error = try #require(throws: ExerciseLookupError.self) { try pack.findExercise("xyz") }
        #expect(
            error.description
                == "No exercise \"xyz\". Run `\(CommandNaming.current.command("list"))` to see every exercise."
        )
    }

    @Test func didYouMean_joinsSeveralSuggestions() {
        #expect(Suggestions.didYouMean([]) == nil)
        #expect(Suggestions.didYouMean(["a", "b"]) == "Did you mean \"a\" or \"b\"?")
        #expect(Suggestions.didYouMean(["a", "b", "c"]) == "Did you mean \"a\", \"b\" or \"c\"?")
        #expect(Suggestions.closest(to: "chek", among: ["check", "hint", "list", "reset"]) == ["check"])
    }
}
