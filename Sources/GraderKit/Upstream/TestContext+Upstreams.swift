import Foundation

/// Fake services the learner's server calls, stopped when the exercise's checks end.
extension TestContext {
    /// A new scriptable HTTP service on its own port (see `FakeUpstream`). Pass its `url` to the
    /// server through `startServer(environment:)`.
    public func fakeUpstream(_ name: String) throws -> FakeUpstream {
        let upstream = try FakeUpstream(name: name)
        resources.lock.withLock { resources.upstreams.append(upstream) }
        return upstream
    }

    /// A new fake e-mail API (see `FakeMailService`).
    public func fakeMail() throws -> FakeMailService {
        let mail = try FakeMailService()
        resources.lock.withLock {
            resources.upstreams.append(mail.upstream)
            resources.mailServices.append(mail)
        }
        return mail
    }
}
