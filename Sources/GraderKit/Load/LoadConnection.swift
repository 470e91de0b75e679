/// One connection of a load run and the request it carries, if any. Owned by the engine's thread.
final class LoadConnection {
    let fd: Int32
    /// The request on this connection, or -1 when idle.
    var index = -1
    var pending: [UInt8] = []
    var written = 0
    var sentAt: UInt64 = 0
    var reader = ResponseReader(isHead: false)

    init(fd: Int32) {
        self.fd = fd
    }

    var isBusy: Bool { index >= 0 }
    var isWriting: Bool { written < pending.count }

    func begin(_ index: Int, bytes: [UInt8], at time: UInt64) {
        self.index = index
        pending = bytes
        written = 0
        sentAt = time
        reader = ResponseReader(isHead: false)
    }

    func finish() {
        index = -1
        pending = []
        written = 0
    }
}
