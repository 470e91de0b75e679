import Foundation
import Grader
import Testing

@Suite struct WordsTests {
    let title = Words("the title", id: "judulnya")

    @Test func aText_isShownInTheBoundLanguage_andFallsBackToEnglishPerText() {
        #expect(title[.en] == "the title")
        #expect(title[.id] == "judulnya")
        #expect(Words(english: "only English")[.id] == "only English")
        Language.$bound.withValue(.id) {
            #expect(title.text == "judulnya")
            #expect("\(title)" == "judulnya")
        }
        #expect(title.text == "the title")
    }

    @Test func textsCompose_languageByLanguage() {
        let joined = title + Words(verbatim: ": ") + Words(english: "Bumi")
        #expect(joined[.en] == "the title: Bumi")
        #expect(joined[.id] == "judulnya: Bumi")
        #expect(
            Words.joined([title, Words("the year", id: "tahunnya")], separator: ", ")[.id]
                == "judulnya, tahunnya")
        #expect(title.map { "“\($0)”" }[.id] == "“judulnya”")
        #expect((Words(english: "a") + Words(english: "b")).id == nil)
    }

    @Test func aText_isCodedAsBothLanguages_andReadsAPlainStringAsEnglish() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(title)
        #expect(String(decoding: data, as: UTF8.self) == #"{"en":"the title","id":"judulnya"}"#)
        #expect(try JSONDecoder().decode(Words.self, from: data) == title)
        #expect(try JSONDecoder().decode(Words.self, from: Data(#""plain""#.utf8)) == Words(english: "plain"))
    }

    @Test func languageCodes_withRegionsAndTheOldCode_areUnderstood() {
        #expect(Language(code: "id_ID.UTF-8") == .id)
        #expect(Language(code: "in") == .id)
        #expect(Language(code: "EN-gb") == .en)
        #expect(Language(code: "fr") == nil)
    }
}
