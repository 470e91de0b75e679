#if os(Linux)
    import Foundation
    import Testing

    @testable import GraderKit

    /// The client's words for a port nobody listens on do not claim that someone once did.
    struct RawConnectionTests {
        @Test func portWithNoListener_isNamedWithoutAnyMore() throws {
            let port = 1  // privileged and unused here: connecting is refused at once
            #expect(throws: RawConnection.Failure.self) {
                try RawConnection.exchange(
                    Array("GET / HTTP/1.1\r\n\r\n".utf8), port: port, timeout: .seconds(1), isHead: false)
            }
            do {
                _ = try RawConnection.exchange(
                    Array("GET / HTTP/1.1\r\n\r\n".utf8), port: port, timeout: .seconds(1), isHead: false)
            } catch let failure as RawConnection.Failure {
                #expect(failure.description == "could not connect: nothing is listening on port 1.")
            }
        }
    }
#endif
