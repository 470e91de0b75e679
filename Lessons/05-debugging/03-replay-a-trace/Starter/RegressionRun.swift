import Foundation

/// What `--regression-test URL` does: runs RegressionTest.swift against the server at URL, prints
/// the outcome in one line and turns it into the exit status a script or CI reads.
enum RegressionRun {
    /// 0: the test passed. 1: it failed (the bug is there). 2: there is no test, or it could not run.
    static func exitStatus(against url: String) async -> Int32 {
        do {
            switch try await RegressionTest.run(against: url) {
            case .passed:
                print("Regression test passed against \(url).")
                return 0
            case .failed(let why):
                print("Regression test FAILED against \(url): \(why)")
                return 1
            case .notWritten:
                print("There is no regression test yet: write it in RegressionTest.swift.")
                return 2
            }
        } catch {
            print("The regression test could not run against \(url): \(error)")
            return 2
        }
    }
}
