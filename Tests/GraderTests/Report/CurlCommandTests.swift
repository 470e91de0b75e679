import Testing

@testable import Grader

struct CurlCommandTests {
    typealias F = ReportFixtures

    // MARK: Exact command lines

    @Test func plainGet_isCurlDashIWithABareURL() {
        #expect(CurlCommand.make(for: F.request(headers: [])) == "curl -i http://127.0.0.1:8080/books")
    }

    @Test func queryString_isSingleQuoted() {
        #expect(
            CurlCommand.make(for: F.request("GET", "/books?sort=year", headers: []))
                == "curl -i 'http://127.0.0.1:8080/books?sort=year'"
        )
    }

    @Test func postWithJSON_hasMethodHeaderAndDataRaw() {
        let request = F.request(
            "POST", "/books", headers: [("Content-Type", "application/json")], body: #"{"title":"Dune"}"#)
        #expect(
            CurlCommand.make(for: request)
                == #"curl -i -X POST http://127.0.0.1:8080/books -H 'Content-Type: application/json' "#
                + #"--data-raw '{"title":"Dune"}'"#
        )
    }

    @Test func head_usesDashCapitalI() {
        #expect(
            CurlCommand.make(for: F.request("HEAD", "/books", headers: []))
                == "curl -I http://127.0.0.1:8080/books")
    }

    @Test func delete_usesDashX() {
        #expect(
            CurlCommand.make(for: F.request("DELETE", "/books/1", headers: []))
                == "curl -i -X DELETE http://127.0.0.1:8080/books/1"
        )
    }

    @Test func getWithABody_keepsGetExplicitly() {
        // Without -X GET, curl would send the body with POST.
        #expect(
            CurlCommand.make(for: F.request("GET", "/search", headers: [], body: "q"))
                == "curl -i -X GET http://127.0.0.1:8080/search --data-raw 'q'"
        )
    }

    @Test func headersCurlSetsItself_areLeftOut() {
        let request = F.request(
            "GET", "/books",
            headers: [
                ("Host", "127.0.0.1:41234"), ("content-length", "0"), ("Connection", "close"),
                ("User-Agent", "backendlings-grader"), ("Cookie", "session=abc"),
            ])
        #expect(
            CurlCommand.make(for: request) == "curl -i http://127.0.0.1:8080/books -H 'Cookie: session=abc'")
    }

    @Test func emptyHeaderValue_isSentWithASemicolon() {
        #expect(
            CurlCommand.make(for: F.request(headers: [("X-Empty", "")]))
                == "curl -i http://127.0.0.1:8080/books -H 'X-Empty;'"
        )
    }

    @Test func bracketsInTheURL_turnOffCurlsGlobbing() {
        #expect(
            CurlCommand.make(for: F.request("GET", "/books?id[]=1", headers: []))
                == "curl -i -g 'http://127.0.0.1:8080/books?id[]=1'"
        )
    }

    @Test func baseURL_withATrailingSlash_doesNotDoubleTheSlash() {
        #expect(
            CurlCommand.make(for: F.request(headers: []), baseURL: "http://localhost:9000/")
                == "curl -i http://localhost:9000/books"
        )
    }

    @Test func singleQuoteInTheBody_isWrittenAsCloseEscapeReopen() {
        #expect(
            CurlCommand.make(for: F.request("POST", "/books", headers: [], body: "It's"))
                == #"curl -i -X POST http://127.0.0.1:8080/books --data-raw 'It'\''s'"#
        )
    }

    @Test func bodyWithLineBreaks_isPipedInWithPrintf() {
        let request = F.request("POST", "/books", headers: [], body: "{\n  \"title\": \"100%\"\n}")
        #expect(
            CurlCommand.make(for: request)
                == #"printf '{\n  "title": "100%%"\n}' | curl -i -X POST http://127.0.0.1:8080/books --data-binary @-"#
        )
        #expect(CurlCommand.pipesBody(of: request))
        #expect(!CurlCommand.pipesBody(of: F.request("POST", "/books", body: "one line")))
    }

    // MARK: Round trips through a real shell

    struct Tricky: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var request: HTTPExchange.Request
        var expectedArguments: [String]
    }

    static let url = "http://127.0.0.1:8080"

    static let trickyRequests: [Tricky] = [
        Tricky(
            testDescription: "quotes, $ and backticks in a header and the body",
            request: F.request(
                "POST", "/books",
                headers: [("X-Note", #"it's "$HOME" and `whoami`"#)],
                body: #"{"title":"Don't $(rm -rf /) `id` ${PATH} \"q\" \\ end"}"#),
            expectedArguments: [
                "-i", "-X", "POST", url + "/books", "-H", #"X-Note: it's "$HOME" and `whoami`"#,
                "--data-raw", #"{"title":"Don't $(rm -rf /) `id` ${PATH} \"q\" \\ end"}"#,
            ]),
        Tricky(
            testDescription: "a command separator in the URL",
            request: F.request("GET", "/books?title=a;rm%20-rf%20/&x=$(id)|cat", headers: []),
            expectedArguments: ["-i", url + "/books?title=a;rm%20-rf%20/&x=$(id)|cat"]),
        Tricky(
            testDescription: "spaces, unicode and ;rm -rf / in the body",
            request: F.request("PUT", "/books/1", headers: [], body: "  Café 日本語 🙂 ;rm -rf / *  "),
            expectedArguments: [
                "-i", "-X", "PUT", url + "/books/1", "--data-raw", "  Café 日本語 🙂 ;rm -rf / *  ",
            ]),
        Tricky(
            testDescription: "a quote followed by a combining accent",
            request: F.request("POST", "/books", headers: [], body: "a'\u{301}; echo pwned"),
            expectedArguments: ["-i", "-X", "POST", url + "/books", "--data-raw", "a'\u{301}; echo pwned"]),
        Tricky(
            testDescription: "an empty body",
            request: F.request("POST", "/books", headers: [], body: ""),
            expectedArguments: ["-i", "-X", "POST", url + "/books", "--data-raw", ""]),
        Tricky(
            testDescription: "a body starting with a dash",
            request: F.request("POST", "/books", headers: [], body: "-n --help"),
            expectedArguments: ["-i", "-X", "POST", url + "/books", "--data-raw", "-n --help"]),
    ]

    @Test(arguments: trickyRequests)
    func oneLineCommands_reachCurlWithExactlyTheRecordedArguments(tricky: Tricky) throws {
        let command = CurlCommand.make(for: tricky.request)
        for shell in ShellRoundTrip.shells {
            let invocation = try ShellRoundTrip.run(command, shell: shell)
            #expect(invocation.arguments == tricky.expectedArguments, "\(shell): \(command)")
            #expect(invocation.standardInput.isEmpty)
        }
    }

    static let pipedBodies: [String] = [
        "{\n  \"title\": \"Dune\"\n}\n",
        "-n starts with a dash\nand has two lines",
        "100% \\n is not a newline \\\\ but this is:\n",
        "tab\there, CR\r\nthere, NUL\u{0} and ESC\u{1B}[31m red",
        "right-to-left \u{202E}override and zero\u{200B}width",
        "'quotes' \"and\" $(subshells) `ticks`\n;rm -rf /\n",
        "\u{85}C1 next-line and \u{7F} delete",
    ]

    @Test(arguments: pipedBodies)
    func pipedBodies_reachCurlByteForByte(body: String) throws {
        let request = F.request("POST", "/books", headers: [("Content-Type", "text/plain")], body: body)
        let command = CurlCommand.make(for: request)
        #expect(command.hasPrefix("printf '"))
        #expect(
            !command.contains("\n") && !command.contains("\u{1B}"), "the command must be one visible line")
        for shell in ShellRoundTrip.shells {
            let invocation = try ShellRoundTrip.run(command, shell: shell)
            #expect(
                invocation.arguments
                    == [
                        "-i", "-X", "POST", Self.url + "/books", "-H", "Content-Type: text/plain",
                        "--data-binary", "@-",
                    ],
                "\(shell): \(command)")
            #expect(invocation.standardInput == Array(body.utf8), "\(shell): \(command)")
        }
    }

    @Test func roundTripHelper_canFail() throws {
        // The harness itself must notice a wrong argument, or every round trip above proves nothing.
        let invocation = try ShellRoundTrip.run("curl 'a b' c")
        #expect(invocation.arguments == ["a b", "c"])
        #expect(invocation.arguments != ["a", "b", "c"])
    }
}
