import Grader

extension Check {
    /// A check written in English only, for packs that ship English only (see
    /// CheckFailure+EnglishOnly.swift); a pack that speaks Indonesian writes
    /// `Check(Words("…", id: "…"), hint: Words("…", id: "…"))`.
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    public init(
        _ name: String,
        points: Int = 1,
        hint: String? = nil,
        needs: String...,
        timeout: Duration = .seconds(15),
        _ body: @escaping @Sendable (TestContext) throws -> Void
    ) {
        self.init(
            Words(english: name), points: points, hint: hint.map(Words.init(english:)), needing: needs,
            timeout: timeout, body)
    }

    /// The same, with the needed checks as an array (for lists built in code).
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    public init(
        _ name: String,
        points: Int = 1,
        hint: String? = nil,
        needing needs: [String],
        timeout: Duration = .seconds(15),
        _ body: @escaping @Sendable (TestContext) throws -> Void
    ) {
        self.init(
            Words(english: name), points: points, hint: hint.map(Words.init(english:)), needing: needs,
            timeout: timeout, body)
    }
}
