import Foundation
import Grader
import Testing

@testable import Runner

@Suite struct LanguageChoiceTests {
    private func choose(
        _ option: String? = nil, _ environment: [String: String] = [:], stored: Language? = nil
    ) throws -> LanguageChoice {
        try LanguageChoice.resolve(option: option, environment: environment, stored: stored)
    }

    @Test func theOptionComesFirst_thenTheVariable_thenTheWorkspace_thenTheLocale_thenEnglish() throws {
        let everything = ["BACKENDLINGS_LANG": "en", "LANG": "en_US.UTF-8"]
        #expect(try choose("id", everything, stored: .en) == LanguageChoice(language: .id, source: .option))
        #expect(
            try choose(nil, ["BACKENDLINGS_LANG": "id", "LANG": "en_US"], stored: .en)
                == .init(language: .id, source: .environment))
        #expect(
            try choose(nil, ["LANG": "en_US.UTF-8"], stored: .id) == .init(language: .id, source: .workspace))
        #expect(try choose(nil, ["LANG": "id_ID.UTF-8"]) == .init(language: .id, source: .locale))
        #expect(try choose(nil, [:]) == .init(language: .en, source: .fallback))
    }

    @Test func theLocale_followsPosixPrecedence_andKnowsTheOldCodeIn() {
        #expect(LanguageChoice.localeGuess(["LC_ALL": "id_ID.UTF-8", "LANG": "en_US"]) == .language(.id))
        #expect(LanguageChoice.localeGuess(["LC_MESSAGES": "en_GB", "LANG": "id_ID"]) == .language(.en))
        #expect(LanguageChoice.localeGuess(["LANG": "in_ID"]) == .language(.id))
        #expect(LanguageChoice.localeGuess(["LANG": "C.UTF-8"]) == .unknown)
        #expect(LanguageChoice.localeGuess(["LANG": "POSIX"]) == .unknown)
        #expect(LanguageChoice.localeGuess(["LANG": "fr_FR.UTF-8"]) == .unknown)
        #expect(LanguageChoice.localeGuess(["LC_ALL": "", "LANG": "id"]) == .language(.id))
    }

    @Test func theFirstRunAsks_whenNothingChose_andTheLocaleIsIndonesianOrSaysNothing() throws {
        #expect(try choose(nil, ["LANG": "id_ID.UTF-8"]).shouldAsk)
        #expect(try choose(nil, ["LANG": "C"]).shouldAsk)
        #expect(try !choose(nil, ["LANG": "en_US.UTF-8"]).shouldAsk)
        #expect(try !choose(nil, ["LANG": "id_ID"], stored: .id).shouldAsk)
        #expect(try !choose("en", ["LANG": "id_ID"]).shouldAsk)
    }

    @Test func anUnknownLanguage_isRefusedWithTheChoices() {
        #expect(throws: LanguageChoiceError.unknown("fr", from: "--lang")) { try choose("fr") }
        #expect(
            LanguageChoiceError.unknown("fr", from: "BACKENDLINGS_LANG").description
                == "BACKENDLINGS_LANG is \"fr\", but Backendlings speaks en (English) or id (Bahasa Indonesia). Use one of them."
        )
        Language.$bound.withValue(.id) {
            #expect(
                LanguageChoiceError.unknown("fr", from: "--lang").description
                    == "--lang berisi \"fr\", padahal Backendlings hanya bisa en (English) atau id (Bahasa Indonesia). Pakai salah satunya."
            )
        }
    }

    @Test func theChoice_isStoredInTheWorkspace() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            #expect(WorkspaceSettings.load(from: fx.workspace) == WorkspaceSettings())
            try WorkspaceSettings(language: .id).save(in: fx.workspace)
            #expect(WorkspaceSettings.load(from: fx.workspace).language == .id)
        }
    }
}
