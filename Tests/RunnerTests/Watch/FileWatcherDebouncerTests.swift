import Testing

@testable import Runner

/// The debouncing rules with made-up clock readings (milliseconds written as `ms(…)`).
@Suite struct FileWatcherDebouncerTests {
    private func ms(_ value: UInt64) -> UInt64 { value * 1_000_000 }
    private func make() -> FileWatcherDebouncer {
        FileWatcherDebouncer(quietPeriod: ms(200), maximumDelay: ms(2000))
    }

    @Test func nothingRecorded_hasNoDeadline() {
        var debouncer = make()
        #expect(debouncer.deadline == nil)
        #expect(debouncer.takeIfDue(at: ms(10_000)) == nil)
        debouncer.record([], at: ms(5))
        #expect(debouncer.deadline == nil)
    }

    @Test func burst_isDueOnlyAfterTheQuietPeriodSinceTheLastChange() {
        var debouncer = make()
        debouncer.record(["a"], at: ms(0))
        debouncer.record(["b"], at: ms(150))
        debouncer.record(["a"], at: ms(300))
        #expect(debouncer.takeIfDue(at: ms(499)) == nil)
        #expect(debouncer.takeIfDue(at: ms(500)) == ["a", "b"])
        #expect(debouncer.takeIfDue(at: ms(900)) == nil)
    }

    @Test func endlessChanges_areReportedAfterTheMaximumDelay() {
        var debouncer = make()
        for step in 0..<30 { debouncer.record(["a"], at: ms(UInt64(step) * 100)) }
        #expect(debouncer.deadline == ms(2000))
        #expect(debouncer.takeIfDue(at: ms(2000)) == ["a"])
    }

    @Test func nextBurst_startsItsOwnClock() {
        var debouncer = make()
        debouncer.record(["a"], at: ms(0))
        _ = debouncer.takeIfDue(at: ms(200))
        debouncer.record(["c"], at: ms(5000))
        #expect(debouncer.deadline == ms(5200))
    }
}
