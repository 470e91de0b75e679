import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a check's time goes, for `Scripts/bench-feedback`: when `BACKENDLINGS_TIMING` names a
/// file, every measured step appends one line `<label> <milliseconds>` to it. Costs nothing
/// otherwise.
public enum StageTiming {
    static let file: String? = ProcessInfo.processInfo.environment["BACKENDLINGS_TIMING"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Runs `body` and records how long it took under `label`.
    static func measure<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard file != nil else { return try body() }
        let started = ContinuousClock.now
        defer { record(label, ContinuousClock.now - started) }
        return try body()
    }

    static func record(_ label: String, _ duration: Duration) {
        guard let file else { return }
        let milliseconds =
            Double(duration.components.seconds) * 1000
            + Double(duration.components.attoseconds) / 1e15
        record(label, milliseconds: milliseconds, to: file)
    }

    static func record(_ label: String, milliseconds: Double) {
        guard let file else { return }
        record(label, milliseconds: milliseconds, to: file)
    }

    private static func record(_ label: String, milliseconds: Double, to file: String) {
        let line = "\(label) \(String(format: "%.1f", milliseconds))\n"
        let fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = line.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }
}
