import Foundation
import StrictJSON
import Testing

@testable import BackendKit

struct RequestHelpersTests {
    struct NewBook: Decodable {
        var title: String
        var year: Int
    }

    private func post(_ body: String, contentType: String? = "application/json") -> Request {
        var headers: HTTPHeaders = ["Host": "x"]
        if let contentType { headers["Content-Type"] = contentType }
        return Request(method: .post, target: "/books", headers: headers, body: Data(body.utf8))
    }

    @Test func decode_readsValidJSON() throws {
        let book = try post(#"{"title":"Dune","year":1965}"#).decode(NewBook.self)
        #expect(book.title == "Dune" && book.year == 1965)
    }

    @Test func decode_malformedJSON_is400() {
        #expect { try post("{title:").decode(NewBook.self) } throws: {
            ($0 as? HTTPError)?.status == .badRequest
        }
    }

    @Test func decode_missingField_is422NamingTheField() throws {
        do {
            _ = try post(#"{"title":"Dune"}"#).decode(NewBook.self)
            Issue.record("expected an error")
        } catch let error as HTTPError {
            #expect(error.status.code == 422)
            #expect(error.detail == "The field \"year\" is required.")
            #expect(error.extensions["errors"]?[0]?["field"] == "year")
        }
    }

    @Test func decode_wrongType_is422() throws {
        do {
            _ = try post(#"{"title":"Dune","year":"old"}"#).decode(NewBook.self)
            Issue.record("expected an error")
        } catch let error as HTTPError {
            #expect(error.status.code == 422)
            #expect(error.detail == "The field \"year\" must be a whole number.")
        }
    }

    @Test func requireContentType_acceptsParameters_andRefusesOthers() throws {
        try post("{}", contentType: "Application/JSON; charset=utf-8").requireContentType()
        #expect { try post("{}", contentType: "text/plain").requireContentType() } throws: {
            ($0 as? HTTPError)?.status.code == 415
        }
        #expect { try post("{}", contentType: nil).requireContentType() } throws: {
            ($0 as? HTTPError)?.status.code == 415
        }
    }

    @Test func query_decodesPlusAndPercent_andKeepsRepeats() throws {
        let request = Request(method: .get, target: "/books?author=Ursula+K.%20Le%20Guin&tag=a&tag=b&limit=5")
        #expect(request.query["author"] == "Ursula K. Le Guin")
        #expect(request.query.values("tag") == ["a", "b"])
        #expect(try request.query.int("limit") == 5)
        #expect(try request.query.int("missing") == nil)
        #expect(request.path == "/books")
    }

    @Test func query_nonNumericInt_is400() {
        let request = Request(method: .get, target: "/books?limit=ten")
        #expect { try request.query.int("limit") } throws: { ($0 as? HTTPError)?.status == .badRequest }
    }

    @Test func headers_areCaseInsensitive_andJoinRepeats() {
        var headers: HTTPHeaders = ["Content-Type": "a"]
        headers.add(name: "vary", value: "Accept")
        headers.add(name: "Vary", value: "Origin")
        #expect(headers["content-type"] == "a")
        #expect(headers["VARY"] == "Accept, Origin")
        headers["Vary"] = "Cookie"
        #expect(headers.values(for: "vary") == ["Cookie"])
    }

    @Test func jsonValue_distinguishesMissingFromNull() throws {
        let value = try JSONValue(parsing: Data(#"{"a":null,"b":2.5,"c":3}"#.utf8))
        #expect(value["a"] == .null)
        #expect(value["missing"] == nil)
        #expect(value["b"]?.int == nil)
        #expect(value["c"]?.int == 3)
        #expect(value.description == #"{"a":null,"b":2.5,"c":3}"#)
    }
}

struct JSONSyntaxTests {
    @Test(arguments: [
        #"{"a":1}"#, #"[1, 2.5, -0.5e10, true, false, null]"#, #"  "text with \"escapes\" \u00e9 \n"  "#, "0",
        "[]", "{}",
        #"{"nested":{"deep":[{"x":[1]}]}}"#, #"["Cantik Itu Luka — ✓"]"#,
    ])
    func validJSON_isAccepted(text: String) throws {
        try JSONSyntax.validate(Data(text.utf8))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "a comma before '}' (a trailing comma is not JSON) at byte 8"),
        ("[1,]", "a comma before ']' (a trailing comma is not JSON) at byte 4"),
        ("{'a':1}", "expected a member name in double quotes, found ''' at byte 2"),
        ("[01]", "a number may not start with 0 at byte 3"),
        (#"{"a" 1}"#, "expected ':' after the member name, found '1' at byte 6"),
        ("[1] [2]", "expected the end of the body after the JSON value, found '[' at byte 5"),
        (#""open"#, "a string is missing its closing quote at byte 6"),
        (
            "nul",
            "expected a value (an object, array, string, number, true, false or null), found 'n' at byte 1"
        ),
        ("", "there is no JSON value, only the end of the body at byte 1"),
        (#"["\x"]"#, #"unknown escape '\x' in a string at byte 4"#),
    ])
    func invalidJSON_isRefusedWithWhereAndWhy(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONSyntax.validate(Data(text.utf8)) }
        do {
            try JSONSyntax.validate(Data(text.utf8))
        } catch {
            #expect(JSONSyntax.describe(error) == message)
        }
    }

    @Test func deeplyNestedInput_isRefusedWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONSyntax.validate(Data(text.utf8)) }
    }

    @Test func trailingCommaInABody_is400WithTheReason() throws {
        let request = Request(
            method: .post, target: "/x", headers: ["Content-Type": "application/json"],
            body: Data(#"{"title":"x",}"#.utf8))
        #expect { try request.json() } throws: {
            ($0 as? HTTPError)?.detail
                == "The body is not valid JSON: a comma before '}' (a trailing comma is not JSON) at byte 14."
        }
    }
}
