/// Numbers as reports print them, built by hand so the output never depends on the machine's locale
/// (a German locale would otherwise turn `0.042` into `0,042` inside a JUnit file).
enum ReportNumbers {
    /// `1234567` → `"1,234,567"`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Seconds with exactly three decimals, as JUnit's `time` attribute wants: `0.042`, `12.500`.
    /// Negative, infinite and NaN durations print as `0.000`.
    static func seconds(_ seconds: Double) -> String {
        let millis = milliseconds(seconds)
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A duration for a person: `12 ms` below a second, `1.25 s` above.
    static func spoken(_ seconds: Double) -> String {
        let millis = milliseconds(seconds)
        if millis < 1000 { return "\(millis) ms" }
        // From the seconds, not the rounded milliseconds: 1.2345 is 1.23, not 1.235 rounded again.
        let hundredths = scaled(seconds, by: 100)
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction + " s"
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        scaled(seconds, by: 1000)
    }

    /// `seconds × factor`, rounded, clamped to a sane range; 0 for anything not a positive number.
    private static func scaled(_ seconds: Double, by factor: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let value = (seconds * factor).rounded()
        return value < Double(Int.max / 2) ? Int(value) : Int.max / 2
    }
}
