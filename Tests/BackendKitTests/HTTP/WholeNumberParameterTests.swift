import Testing

@testable import BackendKit

/// Path and query parameters read as whole numbers: a value that is not a number and a number too
/// large for the server are two different mistakes, and the 400's detail says which.
struct WholeNumberParameterTests {
    private func detail(_ body: () throws -> Any?) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as HTTPError {
            #expect(error.status.code == 400)
            return error.detail
        } catch {
            return "\(error)"
        }
    }

    @Test func pathParameter_thatIsNotANumber_saysItMustBeOne() {
        let parameters = Parameters(["id": "seven"])
        #expect(
            detail { try parameters.int("id") }
                == "The path parameter \"id\" must be a whole number, not \"seven\".")
    }

    @Test func pathParameter_beyondSixtyFourBits_saysItIsTooLarge_notThatItIsNoNumber() {
        let parameters = Parameters(["id": "99999999999999999999"])
        #expect(
            detail { try parameters.int("id") }
                == "The path parameter \"id\" is a whole number too large for this server "
                + "(from -9223372036854775808 to 9223372036854775807), not \"99999999999999999999\".")
    }

    @Test func queryParameter_beyondSixtyFourBits_saysItIsTooLarge() {
        let query = QueryParameters(parsing: "limit=-99999999999999999999")
        #expect(
            detail { try query.int("limit") }
                == "The query parameter \"limit\" is a whole number too large for this server "
                + "(from -9223372036854775808 to 9223372036854775807), not \"-99999999999999999999\".")
    }

    @Test func parameters_inRange_areRead_includingTheLargestInt() throws {
        #expect(try Parameters(["id": "9223372036854775807"]).int("id") == Int.max)
        #expect(try QueryParameters(parsing: "page=3").int("page") == 3)
        #expect(
            detail { try QueryParameters(parsing: "page=1e3").int("page") }?.contains(
                "must be a whole number") == true)
    }
}
