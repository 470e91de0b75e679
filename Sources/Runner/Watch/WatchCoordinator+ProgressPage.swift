extension WatchCoordinator {
    /// `p`: the address of this session's progress page, whose server starts on the first call and
    /// runs until `stop()`. Throws when its port cannot be used (the next call tries again).
    public func progressPageURL() throws -> String {
        try progressPage.url()
    }
}
