import StrictJSON

/// A parsed `pack.json`, kept only long enough to check it field by field: `StrictJSON`'s tree,
/// with members in file order, so a pack author gets the line and column of a syntax error and a
/// precise "expected X, found Y" for every wrong field.
typealias ManifestJSON = JSONTree
