extension Duration {
    /// `.minutes(16)`, for clock moves and expiry checks written the way lessons speak.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }

    /// `.hours(25)`.
    public static func hours(_ hours: Int) -> Duration { .seconds(hours * 3600) }
}
