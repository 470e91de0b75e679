import BackendKit
import Foundation

/// The requests being answered right now, as step 4's `http_requests_in_flight` gauge counts them:
/// its middleware adds one when a request arrives and takes it off when the answer is ready. After
/// a shutdown, a count above 0 means requests were abandoned at the deadline.
struct InFlightRequests: Sendable {
    let gauge: Gauge

    var count: Int { Int(gauge.value()) }
}
