extension LearnerServer {
    /// Why the running server cannot answer at all, for a check whose request got no response: it
    /// is stopped (SIGSTOP, or Ctrl-Z in the terminal it was started from), or it has every file
    /// descriptor it may open in use, so it cannot accept a connection. `nil` when neither holds
    /// (then a handler is the likelier culprit) or the server has exited.
    public var unresponsiveReason: String? {
        let pid = processID
        guard !hasExited, let stat = ProcFS.stat(of: pid) else { return nil }
        if stat.state == "T" || stat.state == "t" {
            return Words(
                "Your server is stopped (it received SIGSTOP, or was suspended with Ctrl-Z), so it "
                    + "cannot answer. A stopped process only runs again after SIGCONT.",
                id: "Server kamu sedang berhenti (ia menerima SIGSTOP, atau di-suspend dengan Ctrl-Z), jadi "
                    + "tidak bisa menjawab. Proses yang berhenti baru berjalan lagi setelah SIGCONT."
            ).text
        }
        if let open = ProcFS.openDescriptorCount(of: pid), let limit = ProcFS.openFileLimit(of: pid),
            open >= limit - Self.descriptorHeadroom
        {
            return Words(
                "Your server has \(open) files and sockets open, its limit of \(limit), so it cannot "
                    + "accept a connection. Does it close every file, database connection and socket it opens?",
                id:
                    "Server kamu membuka \(open) file dan socket, sudah mencapai batasnya (\(limit)), jadi tidak "
                    + "bisa menerima koneksi. Apakah ia menutup setiap file, koneksi database, dan socket yang "
                    + "dibukanya?"
            ).text
        }
        return nil
    }

    /// How many files, sockets and pipes the server has open now; `nil` once it has exited, or
    /// where /proc cannot tell.
    public var openDescriptorCount: Int? {
        guard !hasExited else { return nil }
        return ProcFS.openDescriptorCount(of: processID)
    }

    /// How close to its open-file limit a server counts as out of descriptors (a few may be free
    /// and still too few to accept and answer).
    static let descriptorHeadroom = 2
}
