/// One way of finding changes (inotify or polling), driven by ``FileWatcherLoop`` on its thread.
protocol FileWatcherSource: AnyObject {
    var backend: FileWatcher.Backend { get }
    /// Waits at most `timeoutMilliseconds` and returns the relevant paths that changed (possibly
    /// none). A `failure` means this source cannot go on; the loop then switches to polling.
    func waitForChanges(timeoutMilliseconds: Int32) -> FileWatcherSourceResult
    /// Releases descriptors and memory; called once, on the loop's thread, when it ends.
    func close()
}

struct FileWatcherSourceResult: Sendable {
    var paths: [String] = []
    /// Why the source stopped working, in words for a learner (completes "Could not watch your files
    /// with inotify: ...").
    var failure: String?
}
