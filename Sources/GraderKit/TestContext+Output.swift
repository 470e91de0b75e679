import Foundation
import Grader

/// Which part of the servers' output belongs to which check, so a failure's report shows the log
/// lines written while that check ran, not only the run's last ones.
extension TestContext {
    /// A position in the output of every server instance of this run.
    struct OutputMark {
        var instance: Int
        var offset: Int
    }

    /// Where the output stands now. The server writes a request's log line before its response,
    /// but the grader reads the pipe on another thread, so first everything already written is read.
    func outputMark() -> OutputMark {
        lock.withLock { server }?.waitForPendingOutput()
        return currentMark()
    }

    private func currentMark() -> OutputMark {
        lock.withLock {
            OutputMark(instance: finishedOutputs.count, offset: server.map { Self.byteCount($0.output) } ?? 0)
        }
    }

    /// Everything printed after `mark`, in every instance since, capped to its last 16 KiB.
    func output(since mark: OutputMark) -> CapturedOutput {
        lock.withLock { server }?.waitForPendingOutput()
        let (finished, current) = lock.withLock { (finishedOutputs, server?.output) }
        let instances = finished + (current.map { [$0] } ?? [])
        var text = ""
        for (index, instance) in instances.enumerated() where index >= mark.instance {
            if !text.isEmpty {
                text += Words("(the server was restarted)", id: "(server-nya di-restart)").text + "\n"
            }
            text += Self.text(of: instance, from: index == mark.instance ? mark.offset : 0)
        }
        return Self.capped(text)
    }

    /// What every server instance of the run printed, restarts marked, capped to the last 16 KiB.
    var output: CapturedOutput { output(since: OutputMark(instance: 0, offset: 0)) }

    static func byteCount(_ output: CapturedOutput) -> Int {
        output.head.utf8.count + output.omittedBytes + output.tail.utf8.count
    }

    /// The text of `output` from byte `offset` on; a gap left by the capture is marked.
    static func text(of output: CapturedOutput, from offset: Int) -> String {
        let head = Array(output.head.utf8)
        let gap =
            output.omittedBytes > 0
            ? Words(
                "… \(output.omittedBytes) bytes not shown …\n",
                id: "… \(output.omittedBytes) byte tidak ditampilkan …\n"
            ).text : ""
        if offset < head.count {
            return String(decoding: head[offset...], as: UTF8.self) + gap + output.tail
        }
        let tail = Array(output.tail.utf8)
        let intoTail = offset - head.count - output.omittedBytes
        if intoTail < 0 { return gap + output.tail }
        return intoTail < tail.count ? String(decoding: tail[intoTail...], as: UTF8.self) : ""
    }

    static func capped(_ text: String, limit: Int = 16 * 1024) -> CapturedOutput {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else { return CapturedOutput(head: text) }
        return CapturedOutput(
            head: "", tail: String(decoding: bytes.suffix(limit), as: UTF8.self),
            omittedBytes: bytes.count - limit)
    }
}
