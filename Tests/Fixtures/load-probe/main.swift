// load-probe: GraderKit's open-loop load generator on the command line, so Scripts/bench-load can
// measure a server with it and check its figures against wrk and against the raw timestamps.
//
//   load-probe --port 8080 --path /hello --rate 2000 --duration 10 [--connections 32]
//              [--warmup 1] [--samples FILE]
//
// Prints one line of key=value figures (latencies in microseconds); with --samples, writes one
// line per request: index, intended, sent, completed (nanoseconds from the start; -1 = none).
import Foundation
import GraderKit

func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(
        Data(
            "load-probe: \(problem)\nusage: load-probe --port N --path P --rate R --duration S [--connections C] [--warmup S] [--samples FILE]\n"
                .utf8))
    exit(64)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else { usage("\(flag) needs a value") }
    options[String(flag.dropFirst(2))] = value
}
guard let port = options["port"].flatMap(Int.init) else { usage("--port is required") }
guard let rate = options["rate"].flatMap(Double.init) else { usage("--rate is required") }
guard let seconds = options["duration"].flatMap(Double.init) else { usage("--duration is required") }
let plan = LoadPlan(
    rate: rate, duration: .milliseconds(Int(seconds * 1000)),
    connections: options["connections"].flatMap(Int.init) ?? 32, timeout: .seconds(2),
    warmup: .milliseconds(Int((options["warmup"].flatMap(Double.init) ?? 1) * 1000)))
do {
    let result = try LoadGenerator.run(
        port: port, request: .get(options["path"] ?? "/hello"), plan: plan,
        keepSamples: options["samples"] != nil)
    func micros(_ duration: Duration) -> String {
        String(
            format: "%.1f",
            Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12)
    }
    let errors = result.errors.sorted { $0.key < $1.key }.map {
        "\($0.key.replacingOccurrences(of: " ", with: "_")):\($0.value)"
    }
    print(
        "scheduled=\(result.scheduled) completed=\(result.completed) could_not_start=\(result.couldNotStart) errors=\(errors.isEmpty ? "none" : errors.joined(separator: ","))",
        "p50_us=\(micros(result.latency.p50)) p90_us=\(micros(result.latency.p90)) p99_us=\(micros(result.latency.p99)) max_us=\(micros(result.latency.max))",
        "service_p50_us=\(micros(result.serviceTime.p50)) service_p99_us=\(micros(result.serviceTime.p99)) lateness_p99_us=\(micros(result.sendLateness.p99))"
    )
    if let path = options["samples"], let samples = result.samples {
        var text = ""
        for sample in samples {
            text +=
                "\(sample.index) \(sample.intended) \(sample.sent) \(sample.completed.map { String($0) } ?? "-1")\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
} catch {
    FileHandle.standardError.write(Data("load-probe: \(error)\n".utf8))
    exit(1)
}
